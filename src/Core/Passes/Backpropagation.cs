using System.Collections.Immutable;
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
    public static Gradients Backward(Network network, Parameters parameters, ForwardResult forward, Tensor targets)
    {
        parameters.RequireFits(network);
        var output = forward.Trace[^1];
        var delta = network.Loss.OutputDelta(network.OutputActivation, output.Z, output.A, targets);
        var layers = new LayerTensors[network.Layers.Length];
        for (var l = network.Layers.Length - 1; l >= 0; l--)
        {
            layers[l] = new LayerTensors(
                TensorAlgebra.TransposeMultiply(delta, forward.InputOf(l)),
                TensorAlgebra.ColumnSums(delta));
            if (l > 0)
            {
                var below = forward.Trace[l - 1];
                var gradientOfActivation = TensorAlgebra.Multiply(delta, parameters[l].Weights);
                delta = network.Layers[l - 1].Activation.Backward(below.Z, below.A, gradientOfActivation);
            }
        }
        return new Gradients(layers.ToImmutableArray());
    }

    /// <summary>The loss on the batch and its gradient, from one forward and one backward pass.</summary>
    public static ValueAndGradient ValueAndGradient(Network network, Parameters parameters, Batch batch)
    {
        var forward = ForwardPass.Run(network, parameters, batch.Inputs);
        var value = network.Loss.Value(forward.Logits, forward.Output, batch.Targets);
        return new ValueAndGradient(value, Backward(network, parameters, forward, batch.Targets), forward);
    }

    /// <summary>The gradient of the loss on the batch.</summary>
    public static Gradients Gradient(Network network, Parameters parameters, Batch batch) =>
        ValueAndGradient(network, parameters, batch).Gradients;
}
