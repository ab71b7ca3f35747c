using Functional.NN.Passes;
using Functional.NN.Tests.Goldens;
using Xunit;

namespace Functional.NN.Tests.Compute;

/// <summary>The PyTorch reference cases on each backend explicitly, in the same process.</summary>
public sealed class BackendGoldenTests
{
    /// <summary>Every (backend, case) pair.</summary>
    public static IEnumerable<object[]> Cases() =>
        from backend in Backends.Names()
        from name in ReferenceCases.Names()
        select new[] { backend[0], name[0] };

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void Forward_loss_and_gradients_match_pytorch_on_each_backend(string backendName, string name)
    {
        var backend = Backends.Named(backendName);
        var c = ReferenceCases.Named(name);
        var built = ReferenceModel.Build(c);
        Skip.If(built.IsFail, $"{c}: not supported yet: {built.Match(_ => "", e => e.Message)}");
        var (network, parameters, batch) = built.ThrowIfFail();

        var result = Backpropagation.ValueAndGradient(backend, network, parameters, batch);

        for (var l = 0; l < c.ForwardTrace.Length; l++)
        {
            Tolerance.Close(c.ForwardTrace[l].Z, result.Forward.Trace[l].Z, $"{backendName} {c} layer {l + 1} z");
            Tolerance.Close(c.ForwardTrace[l].A, result.Forward.Trace[l].A, $"{backendName} {c} layer {l + 1} a");
        }
        Tolerance.Close(c.LossValue, result.Value, $"{backendName} {c} loss");
        for (var l = 0; l < c.Grads.Length; l++)
        {
            Tolerance.Close(c.Grads[l].W, result.Gradients[l].Weights, $"{backendName} {c} layer {l + 1} dL/dW");
            Tolerance.Close(c.Grads[l].B, result.Gradients[l].Bias, $"{backendName} {c} layer {l + 1} dL/db");
        }
        Assert.Equal(result.Forward.Output, ForwardPass.Predict(backend, network, parameters, batch.Inputs));
    }
}
