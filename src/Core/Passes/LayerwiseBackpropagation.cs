using System.Runtime.InteropServices;
using Functional.NN.Compute;
using Functional.NN.Model;
using Functional.NN.Tensors;

namespace Functional.NN.Passes;

/// <summary>
/// The layer-wise update that reproduces the tutorial's iteration figures (seed NOTES §5 Step 3), not the
/// default rule. One forward pass with the current weights; then from the output layer down, each
/// layer's weights are updated at once, and the delta passed to the layer below is computed with the
/// <em>already updated</em> weights: δ_(l-1) = f'(z_(l-1)) ⊙ (δ_l W_l^new). Standard gradient descent
/// (<see cref="Backpropagation"/> with <see cref="Optimizers.Sgd"/>) uses the old weights throughout.
/// </summary>
public static class LayerwiseBackpropagation
{
    /// <summary>New parameters after one layer-wise step with learning rate η.</summary>
    /// <param name="network">The architecture.</param>
    /// <param name="parameters">Current parameters.</param>
    /// <param name="batch">The examples.</param>
    /// <param name="learningRate">η in w ← w - η ∂E/∂w.</param>
    /// <param name="freezeBiases">When true (as in the tutorial), biases keep their values.</param>
    public static Parameters Step(Network network, Parameters parameters, Batch batch, double learningRate, bool freezeBiases) =>
        Step(ComputeBackend.Current, network, parameters, batch, learningRate, freezeBiases);

    /// <summary><see cref="Step(Network, Parameters, Batch, double, bool)"/> on a given backend.</summary>
    internal static Parameters Step(ComputeBackend backend, Network network, Parameters parameters, Batch batch, double learningRate, bool freezeBiases)
    {
        var forward = ForwardPass.Run(backend, network, parameters, batch.Inputs);
        var output = forward.Trace[^1];
        var delta = network.Loss.OutputDelta(network.OutputActivation, output.Z, output.A, batch.Targets);
        var layers = new LayerTensors[network.Layers.Length];
        for (var l = layers.Length - 1; l >= 0; l--)
        {
            var old = parameters[l];
            // w - η ∂E/∂w, written over the gradient's own scratch buffer.
            var weights = TensorAlgebra.TransposeMultiplyBuffer(backend, delta, forward.InputOf(l));
            MatrixKernels.SubtractScaled(old.Weights.Span, weights, learningRate, weights);
            var newWeights = Tensor.Own(old.Weights.Rows, old.Weights.Columns, weights);
            var bias = old.Bias;
            if (!freezeBiases)
            {
                var sums = new double[delta.Columns];
                MatrixKernels.ColumnSums(delta.Span, sums, delta.Rows, delta.Columns);
                MatrixKernels.SubtractScaled(old.Bias.Span, sums, learningRate, sums);
                bias = Tensor.Own(1, sums.Length, sums);
            }
            layers[l] = new LayerTensors(newWeights, bias);
            if (l > 0)
                delta = Backpropagation.DeltaBelow(backend, network.Layers[l - 1].Activation, forward.Trace[l - 1], delta, newWeights);
        }
        return Parameters.FromTrustedLayers(ImmutableCollectionsMarshal.AsImmutableArray(layers));
    }
}
