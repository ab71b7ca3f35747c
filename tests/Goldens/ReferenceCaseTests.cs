using Functional.NN.Passes;
using Xunit;

namespace Functional.NN.Tests.Goldens;

/// <summary>Forward trace, output, loss and gradients of every reference case against PyTorch float64.</summary>
public sealed class ReferenceCaseTests
{
    /// <summary>One row per case in ../shared/goldens and FNN_GOLDENS.</summary>
    public static IEnumerable<object[]> Cases => ReferenceCases.Names();

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void Forward_loss_and_gradients_match_pytorch(string name)
    {
        var c = ReferenceCases.Named(name);
        var built = ReferenceModel.Build(c);
        Skip.If(built.IsFail, $"{c}: not supported yet: {built.Match(_ => "", e => e.Message)}");
        var (network, parameters, batch) = built.ThrowIfFail();

        var result = Backpropagation.ValueAndGradient(network, parameters, batch);

        for (var l = 0; l < c.ForwardTrace.Length; l++)
        {
            Tolerance.Close(c.ForwardTrace[l].Z, result.Forward.Trace[l].Z, $"{c} layer {l + 1} z");
            Tolerance.Close(c.ForwardTrace[l].A, result.Forward.Trace[l].A, $"{c} layer {l + 1} a");
        }
        Tolerance.Close(c.Output, result.Forward.Output, $"{c} output");
        Tolerance.Close(c.LossValue, result.Value, $"{c} loss");
        for (var l = 0; l < c.Grads.Length; l++)
        {
            Tolerance.Close(c.Grads[l].W, result.Gradients[l].Weights, $"{c} layer {l + 1} dL/dW");
            Tolerance.Close(c.Grads[l].B, result.Gradients[l].Bias, $"{c} layer {l + 1} dL/db");
        }
    }
}
