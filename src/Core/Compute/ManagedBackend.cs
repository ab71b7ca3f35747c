using System.Numerics;

namespace Functional.NN.Compute;

/// <summary>
/// Matrix products in managed code: a cache-blocked, packed, register-tiled kernel (<see cref="PackedGemm"/>)
/// on AVX-512, AVX2 or plain doubles, whichever the processor has. Large products are split into column (or
/// row) blocks, one per thread; every element is computed by the same sequence of operations whatever the
/// split, so the results do not depend on the thread count.
/// </summary>
internal sealed class ManagedBackend : ComputeBackend
{
    /// <summary>Multiply-adds below which a product is not worth splitting across threads.</summary>
    private const long ParallelThreshold = 1L << 18;

    /// <summary>A managed backend on <paramref name="threads"/> threads at <paramref name="width"/> (which must run here).</summary>
    public ManagedBackend(int threads, KernelWidth width) : base(threads)
    {
        if (!KernelWidths.Runs(width)) throw new ArgumentException($"this processor does not run {KernelWidths.Name(width)} kernels", nameof(width));
        Width = width;
    }

    /// <summary>The vector width of the kernels (speed only: the bits are the same at every width).</summary>
    public KernelWidth Width { get; }

    /// <inheritdoc />
    public override string Name => "managed";

    /// <inheritdoc />
    public override string Description =>
        $"managed packed GEMM, {MicroKernel.Rows}x{MicroKernel.Columns<double>(Width)} register tile of doubles ({MicroKernel.Rows}x{MicroKernel.Columns<float>(Width)} of floats), {KernelWidths.Name(Width)} FMA";

    private protected override long SmallProductLimit => 2048;

    private protected override ComputeBackend WithThreads(int threads) => new ManagedBackend(threads, Width);

    private protected override void MultiplyLarge<T>(bool transposeA, bool transposeB, int m, int n, int k,
        ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, bool accumulate)
    {
        var parts = (long)m * n * k < ParallelThreshold ? 1 : Threads;
        PackedGemm.Multiply(Width, transposeA, transposeB, m, n, k, a, b, c, parts, ParallelFor, overwrite: !accumulate);
    }
}
