using System.Runtime.InteropServices;
using Functional.NN.Compute;
using Functional.NN.Model;
using Functional.NN.Optimizers;
using Functional.NN.Optimizers.Elementwise;
using Functional.NN.Tensors;
using Functional.NN.Training;

namespace Functional.NN.Passes;

/// <summary>
/// The layer-wise update that reproduces the tutorial's iteration figures (seed NOTES §5 Step 3), not the
/// default rule. One forward pass with the current weights; then from the output layer down, each layer's
/// gradient (<see cref="LayerBackward"/>) is turned into its new parameters by the optimizer at once, and the
/// delta passed to the layer below is computed with the <em>already updated</em> weights:
/// δ_(l-1) = f'(z_(l-1)) ⊙ (δ_l W_l^new). Standard gradient descent (<see cref="Backpropagation"/> with any
/// optimizer) uses the old weights throughout. The tutorial's rule is plain SGD with frozen biases:
/// <c>Chain(Transform.Freeze(ParameterMask.Biases(network)), Optimizer.Sgd(η))</c>.
/// </summary>
public static class LayerwiseBackpropagation
{
    /// <summary>The loss at <paramref name="parameters"/>, and the parameters and optimizer state after one layer-wise step.</summary>
    /// <param name="network">The architecture.</param>
    /// <param name="parameters">Current parameters.</param>
    /// <param name="batch">The examples.</param>
    /// <param name="optimizer">
    /// An element-wise optimizer (every built-in one; clipping by the global norm is not, as it needs every
    /// layer's gradient before the first update).
    /// </param>
    /// <param name="state">The optimizer's state.</param>
    /// <exception cref="ArgumentException">The optimizer is not element-wise, or the shapes do not fit.</exception>
    public static StepResult Step(Network network, Parameters parameters, Batch batch, GradientTransformation optimizer, OptimizerState state) =>
        Step(ComputeBackend.Current, network, parameters, batch, optimizer, state);

    /// <summary><see cref="Step(Network, Parameters, Batch, GradientTransformation, OptimizerState)"/> on a given backend.</summary>
    internal static StepResult Step(ComputeBackend backend, Network network, Parameters parameters, Batch batch,
        GradientTransformation optimizer, OptimizerState state)
    {
        if (optimizer.Elementwise is not { NeedsInputNorm: false } elementwise)
            throw new ArgumentException(
                $"layer-wise rule: {optimizer.Name} is not element-wise (the rule updates each layer before the next gradient is known)", nameof(optimizer));
        var forward = ForwardPass.Run(backend, network, parameters, batch.Inputs);
        var loss = network.Loss.Value(forward.Logits, forward.Output, batch.Targets);
        var output = forward.Trace[^1];
        var delta = network.Loss.OutputDelta(network.OutputActivation, output.Z, output.A, batch.Targets).Memory;
        var rows = batch.Size;
        // Stryker disable once String : never thrown, the optimizer was checked above not to need the input norm, so Begin never asks for it
        var step = elementwise.Begin<double>(state, () => throw new InvalidOperationException("layer-wise rule: no global norm"));
        var layers = new LayerTensors[network.Layers.Length];
        for (var l = layers.Length - 1; l >= 0; l--)
        {
            var old = parameters[l];
            var (w, b) = (old.Weights, old.Bias);
            var (gw, gb) = (GC.AllocateUninitializedArray<double>(w.Length), GC.AllocateUninitializedArray<double>(w.Rows));
            LayerBackward.Gradient(backend, delta.Span, forward.InputOf(l).Span, rows, w.Rows, w.Columns, gw, gb);
            layers[l] = new LayerTensors(ElementwisePass.StepTensor(backend, step, 2 * l, w, gw), ElementwisePass.StepTensor(backend, step, 2 * l + 1, b, gb));
            if (l == 0) break;
            var below = Backpropagation.BelowOf(network, forward, l, GC.AllocateUninitializedArray<double>(rows * w.Columns));
            LayerBackward.DeltaBelow(backend, below, delta.Span, layers[l].Weights, rows);
            delta = below.Delta;
        }
        return new StepResult(loss, Parameters.FromTrustedLayers(ImmutableCollectionsMarshal.AsImmutableArray(layers)), step.Finish());
    }
}
