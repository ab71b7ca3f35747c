using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Functional.NN.Passes;
using Functional.NN.Verification;

namespace Functional.NN.Tests.Properties;

/// <summary>Backpropagation against central finite differences, on generated networks of every catalog activation and loss.</summary>
[Properties(Arbitrary = [typeof(Arbitraries)])]
public sealed class BackpropagationProperties
{
    /// <summary>
    /// The tolerance, for central differences (L(p+h) - L(p-h)) / 2h with h = 1e-6 in float64:
    /// <list type="bullet">
    /// <item>Truncation error h²·|L'''|/6 ≈ 2e-13·|L'''|: a relative error far below 1e-6 for these
    /// smooth, Xavier-scaled networks, hence rtol = 1e-6.</item>
    /// <item>Rounding error: each loss evaluation carries an absolute error of about k·ε·|L| (ε = 2.2e-16,
    /// k the number of roundings accumulated along a path, at most ~100 for 4 layers of 12 units and 8
    /// examples), divided by h: ≤ 2.2e-8·|L|. Hence atol = 1e-7·max(1, |L|), above that bound; the floor 1
    /// covers losses much smaller than the logits they are computed from. Over 3,000 generated cases the
    /// largest absolute error seen was 3e-10·|L| (5.6e-9 at L = 19.6).</item>
    /// </list>
    /// Both are two orders of magnitude tighter than gradcheck's defaults (atol 1e-5, rtol 1e-3), and a
    /// derivative wrong by 1% moves typical gradient entries (1e-3 to 1e-1) by 1e-5 to 1e-3: caught.
    /// </summary>
    public static GradientCheckOptions ToleranceFor(double loss) =>
        new(Epsilon: 1e-6, AbsoluteTolerance: 1e-7 * Math.Max(1.0, Math.Abs(loss)), RelativeTolerance: 1e-6);

    [Property(MaxTest = 200)]
    public Property Analytic_gradient_equals_central_differences(Case c)
    {
        var loss = ForwardPass.Loss(c.Network, c.Parameters, c.Batch);
        var report = GradientCheck.OfNetwork(c.Network, c.Parameters, c.Batch, ToleranceFor(loss));
        return report.Passed.Label($"loss {loss:G6}; {report}");
    }

    [Property(MaxTest = 100)]
    public Property Value_and_gradient_agree_with_separate_passes(Case c)
    {
        var result = Backpropagation.ValueAndGradient(c.Network, c.Parameters, c.Batch);
        var loss = ForwardPass.Loss(c.Network, c.Parameters, c.Batch);
        var gradient = Backpropagation.Gradient(c.Network, c.Parameters, c.Batch);
        return (result.Value.Equals(loss) && result.Gradients.Equals(gradient))
            .Label($"value {result.Value:R} vs loss {loss:R}");
    }
}
