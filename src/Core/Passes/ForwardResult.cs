using System.Collections.Immutable;
using Functional.NN.Tensors;

namespace Functional.NN.Passes;

/// <summary>One layer's pre-activation z = X Wᵀ + b and activation a = f(z), for a whole batch.</summary>
/// <param name="Z">Pre-activation <c>[batch x units]</c>.</param>
/// <param name="A">Activation <c>[batch x units]</c>.</param>
public sealed record LayerTrace(Tensor Z, Tensor A);

/// <summary>The result of a forward pass: the inputs and every layer's trace, in order.</summary>
/// <param name="Inputs">The batch's inputs (the activation of layer 0).</param>
/// <param name="Trace">One entry per layer, from the first hidden layer to the output layer.</param>
public sealed record ForwardResult(Tensor Inputs, ImmutableArray<LayerTrace> Trace)
{
    /// <summary>The network's output, the last layer's activation.</summary>
    public Tensor Output => Trace[^1].A;

    /// <summary>The last layer's pre-activation (the logits, for classifiers).</summary>
    public Tensor Logits => Trace[^1].Z;

    /// <summary>The input of layer <paramref name="layer"/> (0-based): the batch's inputs or the previous activation.</summary>
    public Tensor InputOf(int layer) => layer == 0 ? Inputs : Trace[layer - 1].A;
}
