using System.Numerics;
using Functional.NN.Passes;

namespace Functional.NN.Tests.Goldens;

/// <summary>A float32 reference case against a value and gradient of either element type, by <see cref="Float32Tolerance"/>.</summary>
public static class Float32CaseComparison
{
    /// <summary>Asserts every forward field, the loss and every gradient of <paramref name="result"/> against the case.</summary>
    public static void AssertClose<T>(ReferenceCase c, ValueAndGradient<T> result) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (var l = 0; l < c.ForwardTrace.Length; l++)
        {
            Float32Tolerance.CloseForward(c.ForwardTrace[l].Z, result.Forward.Trace[l].Z, $"{c} layer {l + 1} z");
            Float32Tolerance.CloseForward(c.ForwardTrace[l].A, result.Forward.Trace[l].A, $"{c} layer {l + 1} a");
        }
        Float32Tolerance.CloseForward(c.Output, result.Forward.Output, $"{c} output");
        Float32Tolerance.Close(c.LossValue, double.CreateTruncating(result.Value), Float32Tolerance.ForwardScale, $"{c} loss");
        for (var l = 0; l < c.Grads.Length; l++)
        {
            Float32Tolerance.CloseGradient(c.Grads[l].W, result.Gradients[l].Weights, $"{c} layer {l + 1} dL/dW");
            Float32Tolerance.CloseGradient(c.Grads[l].B, result.Gradients[l].Bias, $"{c} layer {l + 1} dL/db");
        }
    }

    /// <summary>The largest error of <paramref name="result"/> over the case's fields, in units of ε·max(s, |b|).</summary>
    public static double LargestUnits<T>(ReferenceCase c, ValueAndGradient<T> result) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var forward = c.ForwardTrace.SelectMany((t, l) => new[]
            {
                Float32Tolerance.Units(t.Z, result.Forward.Trace[l].Z, Float32Tolerance.ForwardScale),
                Float32Tolerance.Units(t.A, result.Forward.Trace[l].A, Float32Tolerance.ForwardScale),
            })
            .Append(Float32Tolerance.Units(c.Output, result.Forward.Output, Float32Tolerance.ForwardScale));
        var loss = Float32Tolerance.Units(c.LossValue, double.CreateTruncating(result.Value), Float32Tolerance.ForwardScale);
        var gradients = c.Grads.SelectMany((g, l) => new[]
        {
            Float32Tolerance.Units(g.W, result.Gradients[l].Weights, Float32Tolerance.GradientScale(g.W)),
            Float32Tolerance.Units([g.B], result.Gradients[l].Bias, Float32Tolerance.GradientScale(g.B)),
        });
        return forward.Append(loss).Concat(gradients).Max();
    }
}
