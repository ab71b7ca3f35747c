using System.Collections.Immutable;
using Functional.NN.Activations;
using Functional.NN.Compute;
using Functional.NN.Losses;
using Functional.NN.Model;
using Functional.NN.Tensors;

namespace Functional.NN.Passes;

/// <summary>
/// The intermediate quantities of standard backpropagation that the tutorial prints one by one
/// (seed NOTES §5, Step 2): each output's error, ∂E/∂out of any layer, and the three chain-rule
/// factors of a single weight. Pure functions of a forward pass, walking down with <see cref="LayerBackward"/>; <see cref="Backpropagation"/> remains
/// the way to get all gradients at once, and its results equal the products given here.
/// Values are those of the batch loss, so with B examples each carries the loss's 1/B.
/// </summary>
public static class ChainRuleFactors
{
    /// <summary>
    /// E_j = L(out_j, target_j), the loss of output j taken alone, for one example. For the half squared
    /// error these are the tutorial's E_o1, E_o2, ... and they add up to E_total.
    /// </summary>
    public static ImmutableArray<double> ErrorPerOutput(Network network, ForwardResult forward, Tensor targets, int example = 0)
    {
        var loss = RequireOutputLoss(network);
        var outputs = forward.Output;
        return Enumerable.Range(0, outputs.Columns)
            .Select(j => loss.Value(Single(outputs[example, j]), Single(targets[example, j])))
            .ToImmutableArray();
    }

    /// <summary>
    /// ∂E/∂out of every unit of layer <paramref name="layer"/> (0-based), <c>[batch x units]</c>, at the
    /// parameters of <paramref name="forward"/>. For the output layer it is the loss gradient ∂L/∂a;
    /// for a layer below it is δ_(l+1) W_(l+1), summed over every path through the layers above
    /// (the tutorial's ∂E_total/∂out_h1 = ∂E_o1/∂out_h1 + ∂E_o2/∂out_h1).
    /// </summary>
    public static Tensor GradientOfOutputs(Network network, Parameters parameters, ForwardResult forward, Tensor targets, int layer)
    {
        parameters.RequireFits(network);
        RequireLayer(network, layer);
        var last = network.Layers.Length - 1;
        var output = forward.Trace[last];
        if (layer == last) return RequireOutputLoss(network).Gradient(output.A, targets);
        var delta = network.Loss.OutputDelta(network.OutputActivation, output.Z, output.A, targets).Memory;
        var (backend, rows) = (ComputeBackend.Current, forward.Inputs.Rows);
        for (var l = last; ; l--)
        {
            var weights = parameters[l].Weights;
            if (l - 1 == layer)
            {
                var gradientOfActivation = GC.AllocateUninitializedArray<double>(rows * weights.Columns);
                LayerBackward.GradientOfInputs(backend, delta.Span, weights, rows, gradientOfActivation);
                return Tensor.Own(rows, weights.Columns, gradientOfActivation);
            }
            var below = Backpropagation.BelowOf(network, forward, l, GC.AllocateUninitializedArray<double>(rows * weights.Columns));
            LayerBackward.DeltaBelow(backend, below, delta.Span, weights, rows);
            delta = below.Delta;
        }
    }

    /// <summary>
    /// The chain-rule factors of the weight from input <paramref name="input"/> to unit
    /// <paramref name="unit"/> of layer <paramref name="layer"/> (all 0-based), for one example.
    /// The layer's activation must be element-wise (sigmoid, tanh, ReLU, ...).
    /// </summary>
    public static WeightChain ForWeight(
        Network network, Parameters parameters, ForwardResult forward, Tensor targets,
        int layer, int unit, int input, int example = 0)
    {
        RequireLayer(network, layer);
        if (network.Layers[layer].Activation is not ElementwiseActivation activation)
            throw new ArgumentException(
                $"layer {layer + 1}: {network.Layers[layer].Activation.Name} is not element-wise, so ∂out/∂net is not one number per unit");
        var trace = forward.Trace[layer];
        return new WeightChain(
            GradientOfOutput: GradientOfOutputs(network, parameters, forward, targets, layer)[example, unit],
            ActivationDerivative: activation.Derivative(trace.Z[example, unit], trace.A[example, unit]),
            InputOfWeight: forward.InputOf(layer)[example, input]);
    }

    private static Tensor Single(double value) => Tensor.Filled(1, 1, value);

    private static OutputLoss RequireOutputLoss(Network network) =>
        network.Loss as OutputLoss ?? throw new ArgumentException(
            $"{network.Loss.Name} is defined on the logits, not on the outputs, so ∂E/∂out is not defined for it");

    private static void RequireLayer(Network network, int layer)
    {
        if (layer < 0 || layer >= network.Layers.Length)
            throw new ArgumentException($"layer index {layer} is outside 0..{network.Layers.Length - 1}");
    }
}
