using System.Diagnostics;
using System.Numerics;
using System.Runtime.InteropServices;
using Functional.NN.Compute;
using Functional.NN.Model;
using Functional.NN.Optimizers;
using Functional.NN.Optimizers.Elementwise;
using Functional.NN.Passes;
using Functional.NN.Tensors;

namespace Functional.NN.Training;

/// <summary>
/// The training step, step(parameters, optimizerState, batch) → (loss, parameters', optimizerState'): the forward
/// pass, the loss and its δ at the output, <see cref="LayerBackward"/> layer by layer, then the optimizer. Its
/// numbers are bit for bit those of <c>optimizer.Step(p, Backpropagation.ValueAndGradient(network, p, batch).Gradients, s)</c>,
/// but the trace, the deltas and the gradients are scratch memory reused from step to step (they never escape),
/// and an element-wise optimizer (every built-in one) runs as one pass that reads p, g and the moments once and
/// writes p' and the next moments. An opaque user transformation gets fresh gradients and runs tree by tree.
/// Pure: new parameters and state out, inputs never changed. The role of a jitted <c>train_step</c> in JAX.
/// </summary>
public static class TrainingStep
{
    /// <summary>One step of <paramref name="optimizer"/> on <paramref name="batch"/>.</summary>
    /// <exception cref="ArgumentException">The parameters or the batch do not fit the network, or the state does not fit the optimizer.</exception>
    public static StepResult<T> Run<T>(Network network, GradientTransformation optimizer, Parameters<T> parameters, OptimizerState state, Batch<T> batch) where T : unmanaged, IFloatingPointIeee754<T> =>
        Run(ComputeBackend.Current, network, optimizer, parameters, state, batch);

    /// <summary>The step of <paramref name="optimizer"/> on <paramref name="network"/> as a function, for <see cref="MiniBatchTrainer.Run{T}(TrainingPlan, TrainingProgress{T}, Func{Parameters{T}, OptimizerState, Batch{T}, StepResult{T}})"/>.</summary>
    public static Func<Parameters, OptimizerState, Batch, StepResult> For(Network network, GradientTransformation optimizer)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(optimizer);
        return (parameters, state, batch) => Run(network, optimizer, parameters, state, batch);
    }

    /// <summary><see cref="For(Network, GradientTransformation)"/> in the element type <typeparamref name="T"/>.</summary>
    public static Func<Parameters<T>, OptimizerState, Batch<T>, StepResult<T>> For<T>(Network network, GradientTransformation optimizer) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(optimizer);
        return (parameters, state, batch) => Run(network, optimizer, parameters, state, batch);
    }

    /// <summary><see cref="Run{T}(Network, GradientTransformation, Parameters{T}, OptimizerState, Batch{T})"/> on a given backend.</summary>
    internal static StepResult<T> Run<T>(ComputeBackend backend, Network network, GradientTransformation optimizer, Parameters<T> parameters,
        OptimizerState state, Batch<T> batch) where T : unmanaged, IFloatingPointIeee754<T> =>
        Run(backend, network, optimizer, parameters, state, batch, StepArrays.Fresh);

    /// <summary>
    /// The step with the new parameters and moments of an element-wise optimizer written into arrays from
    /// <paramref name="arrays"/> (recycled by a loop that keeps only its latest state: <see cref="MiniBatchTrainer"/>'s own loop).
    /// </summary>
    internal static StepResult<T> Run<T>(ComputeBackend backend, Network network, GradientTransformation optimizer, Parameters<T> parameters,
        OptimizerState state, Batch<T> batch, StepArrays arrays) where T : unmanaged, IFloatingPointIeee754<T>
    {
        PassChecks.RequireFits(network, parameters);
        PassChecks.RequireInputs(network, batch.Inputs.Columns);
        using var scratch = new ScratchBuffers<T>();
        var specs = network.Layers;
        var last = specs.Length - 1;
        var rows = batch.Inputs.Rows;
        var (z, a, logits, output) = ScratchTrace<T>.Run(backend, network, parameters, batch.Inputs, scratch);
        var loss = network.Loss.Value(logits, output, batch.Targets);
        var delta = network.Loss.OutputDelta(specs[last].Activation, logits, output, batch.Targets).Memory;

        // Gradients stay scratch when the optimizer is element-wise; an opaque one may keep them, so they are fresh.
        // An element-wise optimizer that needs no global norm updates each layer as soon as its gradient is known
        // (still in the cache); one that clips first waits for every gradient and the norm.
        var elementwise = optimizer.Elementwise;
        var early = elementwise is { NeedsInputNorm: false } ? elementwise.Begin<T>(state, () => throw new UnreachableException(), arrays) : null;
        var updated = new LayerTensors<T>[specs.Length];
        T[] Buffer(int length) => elementwise is null ? GC.AllocateUninitializedArray<T>(length) : scratch.Rent(length);
        var gradients = new ReadOnlyMemory<T>[2 * specs.Length];
        for (var l = last; l >= 0; l--)
        {
            var w = parameters[l].Weights;
            var (weights, bias) = (Buffer(w.Length), Buffer(w.Rows));
            ReadOnlyMemory<T> input = l == 0 ? batch.Inputs.Memory : a[l - 1].AsMemory(0, rows * w.Columns);
            var below = l == 0 ? (LayerBackward.Below<T>?)null
                : new LayerBackward.Below<T>(Backpropagation.Elementwise(network, l - 1), z[l - 1], a[l - 1], scratch.Rent(rows * w.Columns));
            var layer = l;
            LayerBackward.Run(backend, delta, input, w, rows, weights, bias, below, early is null ? null : on =>
                updated[layer] = new LayerTensors<T>(ElementwisePass.StepTensor(on, early, 2 * layer, w, weights.AsMemory(0, w.Length), arrays),
                    ElementwisePass.StepTensor(on, early, 2 * layer + 1, parameters[layer].Bias, bias.AsMemory(0, w.Rows), arrays)));
            gradients[2 * l] = weights.AsMemory(0, w.Length);
            gradients[2 * l + 1] = bias.AsMemory(0, w.Rows);
            if (below is { } b) delta = b.Delta.AsMemory(0, rows * w.Columns);
        }
        if (early is not null)
            return new StepResult<T>(loss, Parameters<T>.FromTrustedLayers(ImmutableCollectionsMarshal.AsImmutableArray(updated)), early.Finish());
        var (next, nextState) = elementwise is null
            ? optimizer.Step(backend, parameters, Tree(parameters, gradients), state)
            : ElementwisePass.Step(backend, elementwise, parameters, gradients, state, arrays);
        return new StepResult<T>(loss, next, nextState);
    }

    /// <summary>Fresh gradient buffers as a tree, for an opaque optimizer.</summary>
    internal static Gradients<T> Tree<T>(Parameters<T> parameters, ReadOnlyMemory<T>[] gradients) where T : unmanaged, IFloatingPointIeee754<T> =>
        new([.. parameters.Layers.Select((layer, l) => new LayerTensors<T>(
            Tensor<T>.Own(layer.Weights.Rows, layer.Weights.Columns, Array(gradients[2 * l])),
            Tensor<T>.Own(1, layer.Bias.Columns, Array(gradients[2 * l + 1]))))]);

    private static T[] Array<T>(ReadOnlyMemory<T> memory) =>
        MemoryMarshal.TryGetArray(memory, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : memory.ToArray();
}
