using System.Numerics;
using System.Collections.Immutable;
using Functional.NN.Tensors;

namespace Functional.NN.Passes;

/// <summary>One layer's pre-activation z = X Wᵀ + b and activation a = f(z), for a whole batch.</summary>
/// <param name="Z">Pre-activation <c>[batch x units]</c>.</param>
/// <param name="A">Activation <c>[batch x units]</c>.</param>
/// <typeparam name="T">The element type, <see cref="double"/> or <see cref="float"/>.</typeparam>
public sealed record LayerTrace<T>(Tensor<T> Z, Tensor<T> A) where T : unmanaged, IFloatingPointIeee754<T>;

/// <summary>The result of a forward pass: the inputs and every layer's trace, in order.</summary>
/// <param name="Inputs">The batch's inputs (the activation of layer 0).</param>
/// <param name="Trace">One entry per layer, from the first hidden layer to the output layer.</param>
/// <typeparam name="T">The element type, <see cref="double"/> or <see cref="float"/>.</typeparam>
public sealed record ForwardResult<T>(Tensor<T> Inputs, ImmutableArray<LayerTrace<T>> Trace) where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The network's output, the last layer's activation.</summary>
    public Tensor<T> Output => Trace[^1].A;

    /// <summary>The last layer's pre-activation (the logits, for classifiers).</summary>
    public Tensor<T> Logits => Trace[^1].Z;

    /// <summary>The input of layer <paramref name="layer"/> (0-based): the batch's inputs or the previous activation.</summary>
    public Tensor<T> InputOf(int layer) => layer == 0 ? Inputs : Trace[layer - 1].A;
}
