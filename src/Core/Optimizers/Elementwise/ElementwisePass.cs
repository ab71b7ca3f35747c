using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Functional.NN.Compute;
using Functional.NN.Model;
using Functional.NN.Tensors;

namespace Functional.NN.Optimizers.Elementwise;

/// <summary>
/// Runs element-wise transformations over whole trees. <see cref="Update"/> gives the updates u as a tree (what
/// <see cref="GradientTransformation.Update"/> returns); <see cref="Step(ComputeBackend, ElementwiseUpdate, Parameters, ReadOnlyMemory{double}[], OptimizerState)"/> reads p, g and the moments once and
/// writes p' = p + u and the next moments, in blocks small enough that every chained transformation finds the
/// block's updates in the first-level cache. Both run the same per-element arithmetic, so they agree bit for bit.
/// </summary>
internal static class ElementwisePass
{
    /// <summary>Elements per block of the fused pass (4 KB of updates).</summary>
    private const int BlockLength = 512;

    /// <summary>Tensors from which the fused pass splits a tensor across the backend's threads.</summary>
    private const int ParallelLength = 1 << 15;

    /// <summary>One step's updates u as a new tree, and the next state.</summary>
    public static (Gradients Updates, OptimizerState State) Update(ElementwiseUpdate update, Gradients gradients,
        OptimizerState state, Parameters? parameters)
    {
        if (parameters is not null) RequireSameShapes(parameters, gradients);
        var step = update.Begin(state, () => GlobalNorm(Memories(gradients)));
        var layers = ImmutableArray.CreateBuilder<LayerTensors>(gradients.Count);
        for (var l = 0; l < gradients.Count; l++)
        {
            var (w, b) = (gradients[l].Weights, gradients[l].Bias);
            layers.Add(new LayerTensors(Updated(step, 2 * l, w, parameters?[l].Weights), Updated(step, 2 * l + 1, b, parameters?[l].Bias)));
        }
        return (new Gradients(layers.MoveToImmutable()), step.Finish());
    }

    /// <summary>
    /// The parameters p + u after one step of <paramref name="update"/> on the gradients, and the next state, in one
    /// pass over memory. <paramref name="gradients"/> holds one span per tensor (2·layer weights, 2·layer + 1 bias),
    /// each of its tensor's length; it is only read.
    /// </summary>
    public static (Parameters Parameters, OptimizerState State) Step(ComputeBackend backend, ElementwiseUpdate update,
        Parameters parameters, ReadOnlyMemory<double>[] gradients, OptimizerState state) =>
        Step(backend, update, parameters, gradients, state, StepArrays.Fresh);

    /// <summary><see cref="Step(ComputeBackend, ElementwiseUpdate, Parameters, ReadOnlyMemory{double}[], OptimizerState)"/> writing into arrays from <paramref name="arrays"/>.</summary>
    public static (Parameters Parameters, OptimizerState State) Step(ComputeBackend backend, ElementwiseUpdate update,
        Parameters parameters, ReadOnlyMemory<double>[] gradients, OptimizerState state, StepArrays arrays)
    {
        var step = update.Begin(state, NormOf(update, gradients), arrays);
        var layers = new LayerTensors[parameters.Count];
        for (var l = 0; l < layers.Length; l++)
            layers[l] = new LayerTensors(StepTensor(backend, step, 2 * l, parameters[l].Weights, gradients[2 * l], arrays),
                StepTensor(backend, step, 2 * l + 1, parameters[l].Bias, gradients[2 * l + 1], arrays));
        return (Parameters.FromTrustedLayers(ImmutableCollectionsMarshal.AsImmutableArray(layers)), step.Finish());
    }

    /// <summary>The global norm of <paramref name="gradients"/> as <see cref="ElementwiseUpdate.Begin(OptimizerState, Func{double}, StepArrays)"/> asks for it; no closure when the update never asks (tests/Training/StepAllocationTests).</summary>
    private static Func<double> NormOf(ElementwiseUpdate update, ReadOnlyMemory<double>[] gradients) =>
        update.NeedsInputNorm ? () => GlobalNorm(gradients) : NoNorm;

    private static readonly Func<double> NoNorm = () => throw new InvalidOperationException("the update said it needs no input norm");

    /// <summary>p + u for one tensor, in the order of <see cref="Step(ComputeBackend, ElementwiseUpdate, Parameters, ReadOnlyMemory{double}[], OptimizerState)"/> (the one definition of applying updates).</summary>
    public static void Apply(ReadOnlySpan<double> p, ReadOnlySpan<double> u, Span<double> result, int width)
    {
        var body = new AddBody(p, u, result);
        LaneLoop.Run(ref body, p.Length, width);
    }

    /// <summary>
    /// ‖g‖ = √(Σ_layers (Σ W² + Σ b²)), each sum in element order: the global norm of
    /// <see cref="LayerTree{TSelf, T}.GlobalNorm"/>, over tensors given as spans (2·layer weights, 2·layer + 1 bias).
    /// </summary>
    public static double GlobalNorm(ReadOnlyMemory<double>[] tensors)
    {
        var total = 0.0;
        for (var t = 0; t < tensors.Length; t += 2) total += SumOfSquares(tensors[t].Span) + SumOfSquares(tensors[t + 1].Span);
        return Math.Sqrt(total);
    }

    /// <summary>Σ x², in element order.</summary>
    public static double SumOfSquares(ReadOnlySpan<double> values)
    {
        var sum = 0.0;
        foreach (var x in values) sum += x * x;
        return sum;
    }

    /// <summary>The tensors of a tree as memory, 2·layer weights and 2·layer + 1 bias.</summary>
    public static ReadOnlyMemory<double>[] Memories<TTree>(LayerTree<TTree, double> tree) where TTree : LayerTree<TTree, double>
    {
        var memories = new ReadOnlyMemory<double>[tree.Count * 2];
        for (var t = 0; t < memories.Length; t++) memories[t] = MomentTree.TensorOf(tree, t).Memory;
        return memories;
    }

    private static Tensor Updated(ElementwiseStep step, int tensor, Tensor gradient, Tensor? parameter)
    {
        var u = gradient.ToArray();
        step.Run(tensor, 0, u, parameter is null ? default : parameter.Span, LaneLoop.Widest);
        return Tensor.Own(gradient.Rows, gradient.Columns, u);
    }

    /// <summary>p + u for one tensor of a step, in blocks (split across the backend's threads when large).</summary>
    public static Tensor StepTensor(ComputeBackend backend, ElementwiseStep step, int tensor, Tensor parameter, ReadOnlyMemory<double> gradient) =>
        StepTensor(backend, step, tensor, parameter, gradient, StepArrays.Fresh);

    /// <summary><see cref="StepTensor(ComputeBackend, ElementwiseStep, int, Tensor, ReadOnlyMemory{double})"/> writing into an array from <paramref name="arrays"/>.</summary>
    public static Tensor StepTensor(ComputeBackend backend, ElementwiseStep step, int tensor, Tensor parameter, ReadOnlyMemory<double> gradient,
        StepArrays arrays)
    {
        var length = parameter.Length;
        if (gradient.Length != length)
            throw new ArgumentException($"tensor {tensor}: {gradient.Length} gradients for {length} parameters");
        var result = arrays.Take(length);
        var p = parameter.Memory;
        // Stryker disable Conditional,Equality : how many threads share a tensor only changes the speed: each part is a range of whole elements, the same arithmetic on each (tests/Compute's thread-count tests)
        var parts = backend.Threads > 1 && length >= ParallelLength ? backend.Threads : 1;
        if (parts == 1) Blocks(step, tensor, p, gradient, result, 0, length);
        else InParts(backend, parts, step, tensor, p, gradient, result, length);
        // Stryker restore Conditional,Equality
        return Tensor.Own(parameter.Rows, parameter.Columns, result);
    }

    // A method of its own, so that only a split tensor pays for the closure (the seed's tiny tensors never do).
    private static void InParts(ComputeBackend backend, int parts, ElementwiseStep step, int tensor, ReadOnlyMemory<double> parameter,
        ReadOnlyMemory<double> gradient, double[] result, int length) =>
        backend.ParallelFor(parts, part => Blocks(step, tensor, parameter, gradient, result,
            (int)((long)length * part / parts), (int)((long)length * (part + 1) / parts)));

    // The block is written before it is read: no need to zero it (the seed's tiny tensors would pay 4 KB each).
    [SkipLocalsInit]
    private static void Blocks(ElementwiseStep step, int tensor, ReadOnlyMemory<double> parameter, ReadOnlyMemory<double> gradient,
        double[] result, int from, int to)
    {
        // Stryker disable once Arithmetic : the block is at most BlockLength long either way; only its unused tail changes
        Span<double> block = stackalloc double[Math.Min(BlockLength, Math.Max(to - from, 1))];
        var p = parameter.Span;
        var g = gradient.Span;
        // Stryker disable once Equality : one more pass at offset == to has n = 0 and touches nothing
        for (var offset = from; offset < to; offset += BlockLength)
        {
            var n = Math.Min(BlockLength, to - offset);
            step.RunApplied(tensor, offset, g.Slice(offset, n), p.Slice(offset, n), result.AsSpan(offset, n), block[..n], LaneLoop.Widest);
        }
    }

    private static void RequireSameShapes(Parameters parameters, Gradients gradients)
    {
        if (!parameters.SameStructure(gradients))
            throw new ArgumentException($"layer shapes differ: {parameters.Describe()} and {gradients.Describe()}");
    }

    /// <summary>p' = p + u.</summary>
    private readonly ref struct AddBody(ReadOnlySpan<double> p, ReadOnlySpan<double> u, Span<double> result) : ILaneBody
    {
        private readonly ReadOnlySpan<double> _p = p, _u = u;
        private readonly Span<double> _result = result;

        // Inlined into the lane loop: a call per group of 8 cost more than the arithmetic (measured 4x on Adam).

        [MethodImpl(MethodImplOptions.AggressiveInlining)]

        public void At<TLanes>(int i) where TLanes : struct, ILanes<TLanes> =>
            Applied(TLanes.Load(_p, i), TLanes.Load(_u, i)).Store(_result, i);
    }

    /// <summary>p' = p + u, the one statement of applying an update.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TLanes Applied<TLanes>(TLanes p, TLanes u) where TLanes : struct, ILanes<TLanes> => p + u;
}
