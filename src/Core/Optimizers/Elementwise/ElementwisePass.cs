using System.Collections.Immutable;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Functional.NN.Compute;
using Functional.NN.Model;
using Functional.NN.Tensors;

namespace Functional.NN.Optimizers.Elementwise;

/// <summary>
/// Runs element-wise transformations over whole trees. <see cref="Update"/> gives the updates u as a tree (what
/// <see cref="GradientTransformation.Update"/> returns); <see cref="Step{T}(ComputeBackend, ElementwiseUpdate, Parameters{T}, ReadOnlyMemory{T}[], OptimizerState)"/> reads p, g and the moments once and
/// writes p' = p + u and the next moments, in blocks small enough that every chained transformation finds the
/// block's updates in the first-level cache. Both run the same per-element arithmetic, so they agree bit for bit.
/// Every method is generic in the element type T (double or float): the arithmetic on the elements is in T.
/// </summary>
internal static class ElementwisePass
{
    /// <summary>Elements per block of the fused pass (4 KB of updates).</summary>
    private const int BlockLength = 512;

    /// <summary>Tensors from which the fused pass splits a tensor across the backend's threads.</summary>
    private const int ParallelLength = 1 << 15;

    /// <summary>One step's updates u as a new tree, and the next state.</summary>
    public static (Gradients<T> Updates, OptimizerState State) Update<T>(ElementwiseUpdate update, Gradients<T> gradients,
        OptimizerState state, Parameters<T>? parameters) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (parameters is not null) RequireSameShapes(parameters, gradients);
        var step = update.Begin<T>(state, () => GlobalNorm(Memories(gradients)));
        var layers = ImmutableArray.CreateBuilder<LayerTensors<T>>(gradients.Count);
        for (var l = 0; l < gradients.Count; l++)
        {
            var (w, b) = (gradients[l].Weights, gradients[l].Bias);
            layers.Add(new LayerTensors<T>(Updated(step, 2 * l, w, parameters?[l].Weights), Updated(step, 2 * l + 1, b, parameters?[l].Bias)));
        }
        return (new Gradients<T>(layers.MoveToImmutable()), step.Finish());
    }

    /// <summary>
    /// The parameters p + u after one step of <paramref name="update"/> on the gradients, and the next state, in one
    /// pass over memory. <paramref name="gradients"/> holds one span per tensor (2·layer weights, 2·layer + 1 bias),
    /// each of its tensor's length; it is only read.
    /// </summary>
    public static (Parameters<T> Parameters, OptimizerState State) Step<T>(ComputeBackend backend, ElementwiseUpdate update,
        Parameters<T> parameters, ReadOnlyMemory<T>[] gradients, OptimizerState state) where T : unmanaged, IFloatingPointIeee754<T> =>
        Step(backend, update, parameters, gradients, state, StepArrays.Fresh);

    /// <summary><see cref="Step{T}(ComputeBackend, ElementwiseUpdate, Parameters{T}, ReadOnlyMemory{T}[], OptimizerState)"/> writing into arrays from <paramref name="arrays"/>.</summary>
    public static (Parameters<T> Parameters, OptimizerState State) Step<T>(ComputeBackend backend, ElementwiseUpdate update,
        Parameters<T> parameters, ReadOnlyMemory<T>[] gradients, OptimizerState state, StepArrays arrays) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var step = update.Begin<T>(state, NormOf(update, gradients), arrays);
        var layers = new LayerTensors<T>[parameters.Count];
        for (var l = 0; l < layers.Length; l++)
            layers[l] = new LayerTensors<T>(StepTensor(backend, step, 2 * l, parameters[l].Weights, gradients[2 * l], arrays),
                StepTensor(backend, step, 2 * l + 1, parameters[l].Bias, gradients[2 * l + 1], arrays));
        return (Parameters<T>.FromTrustedLayers(ImmutableCollectionsMarshal.AsImmutableArray(layers)), step.Finish());
    }

    /// <summary>The global norm of <paramref name="gradients"/> as <see cref="ElementwiseUpdate.Begin{T}(OptimizerState, Func{double}, StepArrays)"/> asks for it; no closure when the update never asks (tests/Training/StepAllocationTests).</summary>
    private static Func<double> NormOf<T>(ElementwiseUpdate update, ReadOnlyMemory<T>[] gradients) where T : unmanaged, IFloatingPointIeee754<T> =>
        update.NeedsInputNorm ? () => GlobalNorm(gradients) : NoNorm;

    private static readonly Func<double> NoNorm = () => throw new InvalidOperationException("the update said it needs no input norm");

    /// <summary>p + u for one tensor, in the order of <see cref="Step{T}(ComputeBackend, ElementwiseUpdate, Parameters{T}, ReadOnlyMemory{T}[], OptimizerState)"/> (the one definition of applying updates).</summary>
    public static void Apply<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> u, Span<T> result, int width) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var body = new AddBody<T>(p, u, result);
        LaneLoop<T>.Run(ref body, p.Length, width);
    }

    /// <summary>
    /// ‖g‖ = √(Σ_layers (Σ W² + Σ b²)), each sum in element order and in double (each element widened first): for
    /// double the global norm of <see cref="LayerTree{TSelf, T}.GlobalNorm"/>, over tensors given as spans
    /// (2·layer weights, 2·layer + 1 bias). A step's scalar, so computed in double like the others.
    /// </summary>
    public static double GlobalNorm<T>(ReadOnlyMemory<T>[] tensors) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var total = 0.0;
        for (var t = 0; t < tensors.Length; t += 2) total += SumOfSquares(tensors[t].Span) + SumOfSquares(tensors[t + 1].Span);
        return Math.Sqrt(total);
    }

    /// <summary>Σ x², in element order, in double.</summary>
    public static double SumOfSquares<T>(ReadOnlySpan<T> values) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var sum = 0.0;
        foreach (var value in values)
        {
            var x = double.CreateTruncating(value);
            sum += x * x;
        }
        return sum;
    }

    /// <summary>The tensors of a tree as memory, 2·layer weights and 2·layer + 1 bias.</summary>
    public static ReadOnlyMemory<T>[] Memories<TTree, T>(LayerTree<TTree, T> tree)
        where TTree : LayerTree<TTree, T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        var memories = new ReadOnlyMemory<T>[tree.Count * 2];
        for (var t = 0; t < memories.Length; t++) memories[t] = MomentTree.TensorOf(tree, t).Memory;
        return memories;
    }

    private static Tensor<T> Updated<T>(ElementwiseStep<T> step, int tensor, Tensor<T> gradient, Tensor<T>? parameter) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var u = gradient.ToArray();
        step.Run(tensor, 0, u, parameter is null ? default : parameter.Span, LaneLoop<T>.Widest);
        return Tensor<T>.Own(gradient.Rows, gradient.Columns, u);
    }

    /// <summary>p + u for one tensor of a step, in blocks (split across the backend's threads when large).</summary>
    public static Tensor<T> StepTensor<T>(ComputeBackend backend, ElementwiseStep<T> step, int tensor, Tensor<T> parameter, ReadOnlyMemory<T> gradient) where T : unmanaged, IFloatingPointIeee754<T> =>
        StepTensor(backend, step, tensor, parameter, gradient, StepArrays.Fresh);

    /// <summary><see cref="StepTensor{T}(ComputeBackend, ElementwiseStep{T}, int, Tensor{T}, ReadOnlyMemory{T})"/> writing into an array from <paramref name="arrays"/>.</summary>
    public static Tensor<T> StepTensor<T>(ComputeBackend backend, ElementwiseStep<T> step, int tensor, Tensor<T> parameter, ReadOnlyMemory<T> gradient,
        StepArrays arrays) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var length = parameter.Length;
        if (gradient.Length != length)
            throw new ArgumentException($"tensor {tensor}: {gradient.Length} gradients for {length} parameters");
        var result = arrays.Take<T>(length);
        var p = parameter.Memory;
        // Stryker disable Conditional,Equality : how many threads share a tensor only changes the speed: each part is a range of whole elements, the same arithmetic on each (tests/Compute's thread-count tests)
        var parts = backend.Threads > 1 && length >= ParallelLength ? backend.Threads : 1;
        if (parts == 1) Blocks(step, tensor, p, gradient, result, 0, length);
        else InParts(backend, parts, step, tensor, p, gradient, result, length);
        // Stryker restore Conditional,Equality
        return Tensor<T>.Own(parameter.Rows, parameter.Columns, result);
    }

    // A method of its own, so that only a split tensor pays for the closure (the seed's tiny tensors never do).
    private static void InParts<T>(ComputeBackend backend, int parts, ElementwiseStep<T> step, int tensor, ReadOnlyMemory<T> parameter,
        ReadOnlyMemory<T> gradient, T[] result, int length) where T : unmanaged, IFloatingPointIeee754<T> =>
        backend.ParallelFor(parts, part => Blocks(step, tensor, parameter, gradient, result,
            (int)((long)length * part / parts), (int)((long)length * (part + 1) / parts)));

    // The block is written before it is read: no need to zero it (the seed's tiny tensors would pay 4 KB each).
    [SkipLocalsInit]
    private static void Blocks<T>(ElementwiseStep<T> step, int tensor, ReadOnlyMemory<T> parameter, ReadOnlyMemory<T> gradient,
        T[] result, int from, int to) where T : unmanaged, IFloatingPointIeee754<T>
    {
        // Stryker disable once Arithmetic : the block is at most BlockLength long either way; only its unused tail changes
        Span<T> block = stackalloc T[Math.Min(BlockLength, Math.Max(to - from, 1))];
        var p = parameter.Span;
        var g = gradient.Span;
        // Stryker disable once Equality : one more pass at offset == to has n = 0 and touches nothing
        for (var offset = from; offset < to; offset += BlockLength)
        {
            var n = Math.Min(BlockLength, to - offset);
            step.RunApplied(tensor, offset, g.Slice(offset, n), p.Slice(offset, n), result.AsSpan(offset, n), block[..n], LaneLoop<T>.Widest);
        }
    }

    /// <summary>Throws unless both trees have the same layer shapes.</summary>
    public static void RequireSameShapes<T>(Parameters<T> parameters, Gradients<T> gradients) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!parameters.SameStructure(gradients))
            throw new ArgumentException($"layer shapes differ: {parameters.Describe()} and {gradients.Describe()}");
    }

    /// <summary>p' = p + u.</summary>
    private readonly ref struct AddBody<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> u, Span<T> result) : ILaneBody<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        private readonly ReadOnlySpan<T> _p = p, _u = u;
        private readonly Span<T> _result = result;

        // Inlined into the lane loop: a call per group of 8 cost more than the arithmetic (measured 4x on Adam).

        [MethodImpl(MethodImplOptions.AggressiveInlining)]

        public void At<TLanes>(int i) where TLanes : struct, ILanes<TLanes, T> =>
            Applied<TLanes, T>(TLanes.Load(_p, i), TLanes.Load(_u, i)).Store(_result, i);
    }

    /// <summary>p' = p + u, the one statement of applying an update.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TLanes Applied<TLanes, T>(TLanes p, TLanes u) where TLanes : struct, ILanes<TLanes, T> where T : unmanaged, IFloatingPointIeee754<T> => p + u;
}
