using Functional.NN.Passes;
using Xunit;

namespace Functional.NN.Tests.Goldens;

/// <summary>
/// The library's float32 forward pass, loss and gradients, run on each float32 case's parameters and batch (exact
/// in float32), agree with PyTorch's float32 results within <see cref="Float32Tolerance"/>; and they are float32
/// results, not float64 ones rounded at the end: they differ from the float64 pass on the same inputs.
/// </summary>
public sealed class Float32PassTests
{
    /// <summary>One row per case of the float32 file.</summary>
    public static IEnumerable<object[]> Cases => Float32ReferenceCases.Names();

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void Forward_loss_and_gradients_in_float32_match_pytorch_float32(string name)
    {
        var (c, result, _) = Evaluate(name);

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
    public void The_float32_pass_is_within_a_quarter_of_the_tolerance(string name)
    {
        var (c, result, _) = Evaluate(name);

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
        Assert.True(largest <= Float32Tolerance.Factor / 4, $"{c}: {largest:F2} eps, more than a quarter of {Float32Tolerance.Factor}");
    }

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void The_float32_pass_rounds_in_float32(string name)
    {
        var (c, single, wide) = Evaluate(name);

        // Every number of the float32 pass is a float; the float64 pass on the same inputs differs from it somewhere
        // (a pass that computed in double and rounded at the end would equal the rounded float64 gradients).
        var rounded = wide.Gradients.Convert<float>();
        Assert.False(rounded.Equals(single.Gradients) && (float)wide.Value == single.Value,
            $"{c}: the float32 gradients and loss equal the float64 ones rounded, so the pass did not compute in float32");
    }

    /// <summary>The case, and the library's float32 and float64 value and gradient at its (float32-exact) parameters and batch.</summary>
    private static (ReferenceCase Case, ValueAndGradient<float> Single, ValueAndGradient Wide) Evaluate(string name)
    {
        var c = Float32ReferenceCases.Named(name);
        var built = ReferenceModel.Build(c);
        Skip.If(built.IsFail, $"{c}: not supported yet: {built.Match(_ => "", e => e.Message)}");
        var (network, parameters, batch) = built.ThrowIfFail();
        var single = Backpropagation.ValueAndGradient(network, parameters.Convert<float>(), batch.Convert<float>().ThrowIfFail());
        return (c, single, Backpropagation.ValueAndGradient(network, parameters, batch));
    }
}
