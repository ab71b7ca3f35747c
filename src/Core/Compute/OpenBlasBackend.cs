namespace Functional.NN.Compute;

/// <summary>
/// Matrix products by the system OpenBLAS's <c>cblas_dgemm</c> (row-major), called directly. Tiny products
/// take the managed direct loop instead, which is faster than any native call. OpenBLAS itself always runs on
/// one thread (its thread count is process-wide inside the library, so it is set to 1 once, when the backend
/// is made); a large product is split into blocks of whole rows or columns of C, one per thread of this
/// backend, each computed by its own one-threaded call. A block can take a different OpenBLAS kernel from the
/// whole product (0.3.21 has a separate one for small products), so results agree across thread counts to
/// rounding, and are bit-identical from run to run for a given thread count.
/// </summary>
internal sealed unsafe class OpenBlasBackend : ComputeBackend
{
    private const int RowMajor = 101, NoTrans = 111, Trans = 112;

    /// <summary>Multiply-adds below which a product is not worth splitting across threads.</summary>
    private const long ParallelThreshold = 1L << 18;

    private readonly OpenBlasLibrary _library;

    public OpenBlasBackend(OpenBlasLibrary library, int threads) : base(threads)
    {
        _library = library;
        library.SetNumThreads(1);
    }

    /// <inheritdoc />
    public override string Name => "openblas";

    /// <inheritdoc />
    public override string Description => _library.Description;

    private protected override long SmallProductLimit => 1024;

    private protected override ComputeBackend WithThreads(int threads) => new OpenBlasBackend(_library, threads);

    private protected override void MultiplyLarge<T>(bool transposeA, bool transposeB, int m, int n, int k,
        ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, bool accumulate)
    {
        var parts = (long)m * n * k < ParallelThreshold ? 1 : Threads;
        fixed (T* pa = a)
        fixed (T* pb = b)
        fixed (T* pc = c)
        {
            var call = new Call(transposeA, transposeB, m, n, k, (nint)pa, (nint)pb, (nint)pc, accumulate ? 1.0 : 0.0);
            if (parts <= 1)
            {
                Block<T>(call, 0, m, 0, n);
                return;
            }
            // Split the longer side of C, so that the operand both blocks share (and pack) is the smaller one.
            var splitColumns = n >= m;
            var length = splitColumns ? n : m;
            parts = Math.Min(parts, length);
            ParallelFor(parts, part =>
            {
                var from = (int)((long)length * part / parts);
                var to = (int)((long)length * (part + 1) / parts);
                if (splitColumns) Block<T>(call, 0, m, from, to);
                else Block<T>(call, from, to, 0, n);
            });
        }
    }

    /// <summary>One product's operands, as the addresses the blocks are cut from.</summary>
    private readonly record struct Call(bool TransposeA, bool TransposeB, int M, int N, int K,
        nint PointerA, nint PointerB, nint PointerC, double Beta);

    /// <summary>
    /// C[i0..i1, j0..j1] by one one-threaded <c>cblas_dgemm</c> (or <c>cblas_sgemm</c> for floats), with the full
    /// matrices' leading dimensions.
    /// </summary>
    private void Block<T>(Call call, int i0, int i1, int j0, int j1) where T : unmanaged
    {
        var (lda, ldb) = (call.TransposeA ? call.M : call.K, call.TransposeB ? call.K : call.N);
        var a = (T*)call.PointerA + (call.TransposeA ? i0 : (long)i0 * call.K);
        var b = (T*)call.PointerB + (call.TransposeB ? (long)j0 * call.K : j0);
        var c = (T*)call.PointerC + (long)i0 * call.N + j0;
        var (ta, tb) = (call.TransposeA ? Trans : NoTrans, call.TransposeB ? Trans : NoTrans);
        if (typeof(T) == typeof(double))
            _library.Dgemm(RowMajor, ta, tb, i1 - i0, j1 - j0, call.K, 1.0, (double*)a, lda, (double*)b, ldb, call.Beta, (double*)c, call.N);
        else
            _library.Sgemm(RowMajor, ta, tb, i1 - i0, j1 - j0, call.K, 1f, (float*)a, lda, (float*)b, ldb, (float)call.Beta, (float*)c, call.N);
    }
}
