using System.Numerics;
using System.Runtime.InteropServices;
using Functional.NN.Activations;
using Functional.NN.Compute;
using Functional.NN.Model;
using Functional.NN.Tensors;

namespace Functional.NN.Passes;

/// <summary>
/// The backward pass by the chain rule. With δ_l = dL/dz_l:
/// δ_L comes from the loss; then for each layer from the output down, <see cref="LayerBackward"/>:
/// dL/dW_l = δ_lᵀ a_(l-1); dL/db_l = Σ_rows δ_l; δ_(l-1) = f'_(l-1)(z_(l-1)) ⊙ (δ_l W_l).
/// The gradient with respect to the inputs is never formed.
/// </summary>
public static class Backpropagation
{
    /// <summary>The gradients of the loss with respect to every parameter, from a forward pass on the batch's inputs.</summary>
    public static Gradients<T> Backward<T>(Network network, Parameters<T> parameters, ForwardResult<T> forward, Tensor<T> targets) where T : unmanaged, IFloatingPointIeee754<T> =>
        Backward(ComputeBackend.Current, network, parameters, forward, targets);

    /// <summary>The loss on the batch and its gradient, from one forward and one backward pass.</summary>
    public static ValueAndGradient<T> ValueAndGradient<T>(Network network, Parameters<T> parameters, Batch<T> batch) where T : unmanaged, IFloatingPointIeee754<T> =>
        ValueAndGradient(ComputeBackend.Current, network, parameters, batch);

    /// <summary>The gradient of the loss on the batch.</summary>
    public static Gradients<T> Gradient<T>(Network network, Parameters<T> parameters, Batch<T> batch) where T : unmanaged, IFloatingPointIeee754<T> =>
        ValueAndGradient(network, parameters, batch).Gradients;

    /// <summary><see cref="ValueAndGradient{T}(Network, Parameters{T}, Batch{T})"/> on a given backend.</summary>
    internal static ValueAndGradient<T> ValueAndGradient<T>(ComputeBackend backend, Network network, Parameters<T> parameters, Batch<T> batch) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var forward = ForwardPass.Run(backend, network, parameters, batch.Inputs);
        var value = network.Loss.Value(forward.Logits, forward.Output, batch.Targets);
        return new ValueAndGradient<T>(value, Backward(backend, network, parameters, forward, batch.Targets), forward);
    }

    /// <summary><see cref="Backward{T}(Network, Parameters{T}, ForwardResult{T}, Tensor{T})"/> on a given backend.</summary>
    internal static Gradients<T> Backward<T>(ComputeBackend backend, Network network, Parameters<T> parameters, ForwardResult<T> forward, Tensor<T> targets) where T : unmanaged, IFloatingPointIeee754<T>
    {
        PassChecks.RequireFits(network, parameters);
        var output = forward.Trace[^1];
        var delta = network.Loss.OutputDelta(network.OutputActivation, output.Z, output.A, targets).Memory;
        var rows = forward.Inputs.Rows;
        var layers = new LayerTensors<T>[network.Layers.Length];
        for (var l = layers.Length - 1; l >= 0; l--)
        {
            var w = parameters[l].Weights;
            var (weights, bias) = (GC.AllocateUninitializedArray<T>(w.Length), GC.AllocateUninitializedArray<T>(w.Rows));
            var below = l > 0 ? BelowOf(network, forward, l, GC.AllocateUninitializedArray<T>(rows * w.Columns)) : (LayerBackward.Below<T>?)null;
            LayerBackward.Run(backend, delta, forward.InputOf(l).Memory, w, rows, weights, bias, below);
            layers[l] = new LayerTensors<T>(Tensor<T>.Own(w.Rows, w.Columns, weights), Tensor<T>.Own(1, w.Rows, bias));
            if (below is { } b) delta = b.Delta;
        }
        return new Gradients<T>(ImmutableCollectionsMarshal.AsImmutableArray(layers));
    }

    /// <summary>The layer below layer <paramref name="layer"/> from a forward pass's trace, its δ going to <paramref name="delta"/>.</summary>
    internal static LayerBackward.Below<T> BelowOf<T>(Network network, ForwardResult<T> forward, int layer, T[] delta) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var trace = forward.Trace[layer - 1];
        return new LayerBackward.Below<T>(Elementwise(network, layer - 1), trace.Z.Memory, trace.A.Memory, delta);
    }

    /// <summary>The activation of hidden layer <paramref name="layer"/>, which the network guarantees to be element-wise.</summary>
    internal static ElementwiseActivation Elementwise(Network network, int layer) =>
        network.Layers[layer].Activation as ElementwiseActivation ?? throw new ArgumentException(
            $"layer {layer + 1}: {network.Layers[layer].Activation.Name} is not element-wise, so it cannot be a hidden layer");
}
