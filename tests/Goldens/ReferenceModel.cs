using Functional.NN.Activations;
using Functional.NN.Losses;
using Functional.NN.Model;
using Functional.NN.Tensors;
using LanguageExt;

namespace Functional.NN.Tests.Goldens;

/// <summary>Builds our network, parameters and batch from a reference case.</summary>
public static class ReferenceModel
{
    /// <summary>The network, parameters and batch of a case, or why the library cannot express it yet.</summary>
    public static Fin<(Network Network, Parameters Parameters, Batch Batch)> Build(ReferenceCase c) =>
        from activations in c.Activations.Select(ActivationCatalog.FromName).ToSeq().Sequence()
        from loss in LossCatalog.FromName(c.Loss)
        from network in Network.Create(c.LayerSizes[0],
            activations.Select((a, i) => new LayerSpec(c.LayerSizes[i + 1], a)), loss)
        from parameters in ToParameters(network, c.Params)
        from batch in Batch.Create(network, c.Inputs, c.Targets)
        select (network, parameters, batch);

    /// <summary>Parameters from the reference layout.</summary>
    public static Fin<Parameters> ToParameters(Network network, GoldenLayer[] layers) =>
        Parameters.Create(network, layers.Select(l => (l.W, l.B)));

    /// <summary>A tensor from rows.</summary>
    public static Tensor ToTensor(double[][] rows) => Tensor.FromRows(rows).ThrowIfFail();
}
