using Functional.NN.Passes;
using Xunit;

namespace Functional.NN.Tests.Goldens;

/// <summary>
/// The library's float64 forward pass, loss and gradients, run on each float32 case's float32-rounded parameters
/// and inputs, agree with PyTorch's float32 results within <see cref="Float32Tolerance"/>: this checks the float32
/// references and that the tolerance admits correct mathematics computed in float32. The negative controls show
/// that it rejects a gradient or a loss off by 10⁻⁴ or 10⁻³ relative. Optimizer trajectories are checked by
/// <see cref="Optimizers.Float32OptimizerGoldenTests"/>, element by element (see <see cref="Float32Tolerance"/>).
/// </summary>
public sealed class Float32ReferenceCaseTests
{
    /// <summary>One row per case of the float32 file.</summary>
    public static IEnumerable<object[]> Cases => Float32ReferenceCases.Names();

    /// <summary>Relative errors a plausible bug makes, each far above the tolerance's 64·2⁻²³ ≈ 7.6e-6.</summary>
    private static readonly double[] Perturbations = [1e-3, 1e-4];

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void Forward_loss_and_gradients_in_float64_match_pytorch_float32(string name)
    {
        var (c, result) = Evaluate(name);

        for (var l = 0; l < c.ForwardTrace.Length; l++)
        {
            Float32Tolerance.CloseForward(c.ForwardTrace[l].Z, result.Forward.Trace[l].Z, $"{c} layer {l + 1} z");
            Float32Tolerance.CloseForward(c.ForwardTrace[l].A, result.Forward.Trace[l].A, $"{c} layer {l + 1} a");
        }
        Float32Tolerance.CloseForward(c.Output, result.Forward.Output, $"{c} output");
        Float32Tolerance.Close(c.LossValue, result.Value, Float32Tolerance.ForwardScale, $"{c} loss");
        for (var l = 0; l < c.Grads.Length; l++)
        {
            Float32Tolerance.CloseGradient(c.Grads[l].W, result.Gradients[l].Weights, $"{c} layer {l + 1} dL/dW");
            Float32Tolerance.CloseGradient(c.Grads[l].B, result.Gradients[l].Bias, $"{c} layer {l + 1} dL/db");
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void The_tolerance_holds_with_a_margin_of_four_or_more(string name)
    {
        var (c, result) = Evaluate(name);

        var forward = c.ForwardTrace.SelectMany((t, l) => new[]
            {
                Float32Tolerance.Units(t.Z, result.Forward.Trace[l].Z, Float32Tolerance.ForwardScale),
                Float32Tolerance.Units(t.A, result.Forward.Trace[l].A, Float32Tolerance.ForwardScale),
            })
            .Append(Float32Tolerance.Units(c.Output, result.Forward.Output, Float32Tolerance.ForwardScale));
        var loss = Float32Tolerance.Units(c.LossValue, result.Value, Float32Tolerance.ForwardScale);
        var gradients = c.Grads.SelectMany((g, l) => new[]
        {
            Float32Tolerance.Units(g.W, result.Gradients[l].Weights, Float32Tolerance.GradientScale(g.W)),
            Float32Tolerance.Units([g.B], result.Gradients[l].Bias, Float32Tolerance.GradientScale(g.B)),
        });

        var largest = forward.Append(loss).Concat(gradients).Max();
        Assert.True(largest > 0, $"{c}: float64 and float32 agree exactly, so the references cannot be float32 results");
        Assert.True(largest <= Float32Tolerance.Factor / 4, $"{c}: {largest:F2} eps, more than a quarter of {Float32Tolerance.Factor}");
    }

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void The_tolerance_rejects_every_gradient_and_the_loss_off_by_a_plausible_bug(string name)
    {
        var (c, result) = Evaluate(name);

        foreach (var relative in Perturbations)
        {
            for (var l = 0; l < c.Grads.Length; l++)
            {
                var weights = Scaled(c.Grads[l].W, 1 + relative);
                var bias = Scaled([c.Grads[l].B], 1 + relative)[0];
                Assert.ThrowsAny<Xunit.Sdk.XunitException>(() =>
                    Float32Tolerance.CloseGradient(weights, result.Gradients[l].Weights, $"{c} layer {l + 1} dL/dW"));
                Assert.ThrowsAny<Xunit.Sdk.XunitException>(() =>
                    Float32Tolerance.CloseGradient(bias, result.Gradients[l].Bias, $"{c} layer {l + 1} dL/db"));
            }
            Assert.ThrowsAny<Xunit.Sdk.XunitException>(() =>
                Float32Tolerance.Close(c.LossValue * (1 + relative), result.Value, Float32Tolerance.ForwardScale, $"{c} loss"));
        }
    }

    /// <summary>The float32 case and the library's float64 value and gradient at its parameters and batch.</summary>
    private static (ReferenceCase Case, ValueAndGradient Result) Evaluate(string name)
    {
        var c = Float32ReferenceCases.Named(name);
        var built = ReferenceModel.Build(c);
        Skip.If(built.IsFail, $"{c}: not supported yet: {built.Match(_ => "", e => e.Message)}");
        var (network, parameters, batch) = built.ThrowIfFail();
        return (c, Backpropagation.ValueAndGradient(network, parameters, batch));
    }

    private static double[][] Scaled(double[][] rows, double factor) =>
        rows.Select(row => row.Select(x => x * factor).ToArray()).ToArray();
}
