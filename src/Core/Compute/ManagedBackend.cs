using System.Runtime.Intrinsics;

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

    public ManagedBackend(int threads) : base(threads) { }

    /// <inheritdoc />
    public override string Name => "managed";

    /// <inheritdoc />
    public override string Description =>
        $"managed packed GEMM, {MicroKernel.Rows}x{MicroKernel.Columns} register tile, " +
        (Vector512.IsHardwareAccelerated ? "AVX-512" : Vector256.IsHardwareAccelerated ? "AVX2" : "scalar") + " FMA";

    private protected override long SmallProductLimit => 2048;

    private protected override ComputeBackend WithThreads(int threads) => new ManagedBackend(threads);

    private protected override void MultiplyLarge(bool transposeA, bool transposeB, int m, int n, int k,
        ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> c, bool accumulate)
    {
        if (!accumulate) c[..(m * n)].Clear();
        var parts = (long)m * n * k < ParallelThreshold ? 1 : Threads;
        PackedGemm.Multiply(transposeA, transposeB, m, n, k, a, b, c, parts, ParallelFor);
    }
}
