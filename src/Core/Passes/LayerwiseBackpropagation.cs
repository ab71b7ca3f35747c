using System.Collections.Immutable;
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
    public static Parameters Step(Network network, Parameters parameters, Batch batch, double learningRate, bool freezeBiases)
    {
        var forward = ForwardPass.Run(network, parameters, batch.Inputs);
        var output = forward.Trace[^1];
        var delta = network.Loss.OutputDelta(network.OutputActivation, output.Z, output.A, batch.Targets);
        var layers = new LayerTensors[network.Layers.Length];
        for (var l = network.Layers.Length - 1; l >= 0; l--)
        {
            var old = parameters[l];
            var weightGradient = TensorAlgebra.TransposeMultiply(delta, forward.InputOf(l));
            var weights = old.Weights.Zip(weightGradient, (w, g) => w - learningRate * g);
            var bias = freezeBiases
                ? old.Bias
                : old.Bias.Zip(TensorAlgebra.ColumnSums(delta), (b, g) => b - learningRate * g);
            layers[l] = new LayerTensors(weights, bias);
            if (l > 0)
            {
                var below = forward.Trace[l - 1];
                delta = network.Layers[l - 1].Activation.Backward(below.Z, below.A, TensorAlgebra.Multiply(delta, weights));
            }
        }
        return Parameters.FromTrustedLayers(layers.ToImmutableArray());
    }
}
