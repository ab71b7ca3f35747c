using System.Runtime.InteropServices;
using Functional.NN.Activations;
using Functional.NN.Compute;
using Functional.NN.Model;
using Functional.NN.Tensors;

namespace Functional.NN.Passes;

/// <summary>
/// The backward pass by the chain rule. With δ_l = dL/dz_l:
/// δ_L comes from the loss; dL/dW_l = δ_lᵀ a_(l-1); dL/db_l = Σ_rows δ_l;
/// δ_(l-1) = f'_(l-1)(z_(l-1)) ⊙ (δ_l W_l). The gradient with respect to the inputs is never formed.
/// </summary>
public static class Backpropagation
{
    /// <summary>The gradients of the loss with respect to every parameter, from a forward pass on the batch's inputs.</summary>
    public static Gradients Backward(Network network, Parameters parameters, ForwardResult forward, Tensor targets) =>
        Backward(ComputeBackend.Current, network, parameters, forward, targets);

    /// <summary>The loss on the batch and its gradient, from one forward and one backward pass.</summary>
    public static ValueAndGradient ValueAndGradient(Network network, Parameters parameters, Batch batch) =>
        ValueAndGradient(ComputeBackend.Current, network, parameters, batch);

    /// <summary>The gradient of the loss on the batch.</summary>
    public static Gradients Gradient(Network network, Parameters parameters, Batch batch) =>
        ValueAndGradient(network, parameters, batch).Gradients;

    /// <summary><see cref="ValueAndGradient(Network, Parameters, Batch)"/> on a given backend.</summary>
    internal static ValueAndGradient ValueAndGradient(ComputeBackend backend, Network network, Parameters parameters, Batch batch)
    {
        var forward = ForwardPass.Run(backend, network, parameters, batch.Inputs);
        var value = network.Loss.Value(forward.Logits, forward.Output, batch.Targets);
        return new ValueAndGradient(value, Backward(backend, network, parameters, forward, batch.Targets), forward);
    }

    /// <summary><see cref="Backward(Network, Parameters, ForwardResult, Tensor)"/> on a given backend.</summary>
    internal static Gradients Backward(ComputeBackend backend, Network network, Parameters parameters, ForwardResult forward, Tensor targets)
    {
        PassChecks.RequireFits(network, parameters);
        var output = forward.Trace[^1];
        var delta = network.Loss.OutputDelta(network.OutputActivation, output.Z, output.A, targets);
        var layers = new LayerTensors[network.Layers.Length];
        for (var l = layers.Length - 1; l >= 0; l--)
        {
            if (l > 0 && BackwardPair.SideBySide(backend, delta.Rows, parameters[l].Weights))
            {
                delta = GradientAndDeltaBelow(backend, network, parameters, forward, delta, l, layers);
                continue;
            }
            layers[l] = GradientOf(backend, forward, delta, l);
            if (l > 0)
                delta = DeltaBelow(backend, network.Layers[l - 1].Activation, forward.Trace[l - 1], delta, parameters[l].Weights);
        }
        return new Gradients(ImmutableCollectionsMarshal.AsImmutableArray(layers));
    }

    /// <summary>dL/dW_l and dL/db_l from the layer's delta and its input.</summary>
    private static LayerTensors GradientOf(ComputeBackend backend, ForwardResult forward, Tensor delta, int layer) =>
        new(TensorAlgebra.TransposeMultiply(backend, delta, forward.InputOf(layer)), TensorAlgebra.ColumnSums(delta));

    /// <summary>Layer <paramref name="layer"/>'s gradient into <paramref name="layers"/> and the delta below it, side by side.</summary>
    private static Tensor GradientAndDeltaBelow(ComputeBackend backend, Network network, Parameters parameters, ForwardResult forward,
        Tensor delta, int layer, LayerTensors[] layers)
    {
        Tensor? below = null;
        BackwardPair.Run(backend,
            on => layers[layer] = GradientOf(on, forward, delta, layer),
            on => below = DeltaBelow(on, network.Layers[layer - 1].Activation, forward.Trace[layer - 1], delta, parameters[layer].Weights));
        return below!;
    }

    /// <summary>
    /// δ_(l-1) = f'(z_(l-1)) ⊙ (δ_l W_l). For element-wise activations the product δ_l W_l is scratch, and the
    /// derivative is applied in its buffer, which then becomes δ_(l-1).
    /// </summary>
    internal static Tensor DeltaBelow(ComputeBackend backend, Activation activation, LayerTrace below, Tensor delta, Tensor weights)
    {
        var upstream = TensorAlgebra.MultiplyBuffer(backend, delta, weights);
        var (rows, columns) = (delta.Rows, weights.Columns);
        if (activation is not ElementwiseActivation elementwise)
            return activation.Backward(below.Z, below.A, Tensor.Own(rows, columns, upstream));
        if (below.Z.Rows != rows || below.Z.Columns != columns)
            throw new ArgumentException($"{activation.Name} backward: shapes differ, {below.Z.ShapeText} and [{rows} x {columns}]");
        elementwise.Backward(below.Z.Span, below.A.Span, upstream, upstream);
        return Tensor.Own(rows, columns, upstream);
    }
}
