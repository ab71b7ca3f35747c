using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Functional.NN.Passes;
using Functional.NN.Verification;

namespace Functional.NN.Tests.Properties;

/// <summary>
/// Backpropagation in float32 against central differences in float64 of the same network at the same (float32)
/// numbers, on generated networks of every catalog activation and loss, within
/// <see cref="GradientCheckOptions.Float32"/> (64·ε of float32, relative and per unit of loss).
/// </summary>
[Properties(Arbitrary = [typeof(Arbitraries)])]
public sealed class Float32GradientProperties
{
    [Property(MaxTest = 200)]
    public Property Float32_gradient_equals_float64_central_differences(Case c)
    {
        var parameters = c.Parameters.Convert<float>();
        var batch = c.Batch.Convert<float>().ThrowIfFail();
        var loss = (double)ForwardPass.Loss(c.Network, parameters, batch);
        var report = GradientCheck.OfNetworkAgainstFloat64(c.Network, parameters, batch, GradientCheckOptions.Float32(loss));
        return report.Passed.Label($"network {c.Network}, loss {loss:G6}: {report}");
    }

    [Property(MaxTest = 50)]
    public Property The_float32_tolerance_rejects_a_gradient_off_by_one_part_in_ten_thousand(Case c)
    {
        var parameters = c.Parameters.Convert<float>();
        var batch = c.Batch.Convert<float>().ThrowIfFail();
        var loss = (double)ForwardPass.Loss(c.Network, parameters, batch);
        var report = GradientCheck.OfNetworkAgainstFloat64(c.Network, parameters, batch, GradientCheckOptions.Float32(loss));
        var options = GradientCheckOptions.Float32(loss);
        // The largest gradient entry, 1e-4 too large, must fail when it is not tiny against the tolerance's floor.
        var largest = report.Comparisons.MaxBy(x => Math.Abs(x.Numerical))!;
        var wrong = largest with { Analytic = largest.Analytic * (1 + 1e-4) };
        var visible = Math.Abs(largest.Numerical) * 1e-4 > 2 * (options.AbsoluteTolerance + options.RelativeTolerance * Math.Abs(largest.Numerical));
        return (!visible || !wrong.Passes(options)).Label($"{largest.Location}: {largest.Numerical:R} off by 1e-4 passed");
    }
}
