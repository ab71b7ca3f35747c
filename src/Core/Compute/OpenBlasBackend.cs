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

    private protected override void MultiplyLarge(bool transposeA, bool transposeB, int m, int n, int k,
        ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> c, bool accumulate)
    {
        var parts = (long)m * n * k < ParallelThreshold ? 1 : Threads;
        fixed (double* pa = a)
        fixed (double* pb = b)
        fixed (double* pc = c)
        {
            var call = new Call(transposeA, transposeB, m, n, k, pa, pb, pc, accumulate ? 1.0 : 0.0);
            if (parts <= 1)
            {
                Block(call, 0, m, 0, n);
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
                if (splitColumns) Block(call, 0, m, from, to);
                else Block(call, from, to, 0, n);
            });
        }
    }

    /// <summary>One product's operands, as the addresses the blocks are cut from.</summary>
    private readonly record struct Call(bool TransposeA, bool TransposeB, int M, int N, int K,
        nint PointerA, nint PointerB, nint PointerC, double Beta)
    {
        public Call(bool transposeA, bool transposeB, int m, int n, int k, double* a, double* b, double* c, double beta)
            : this(transposeA, transposeB, m, n, k, (nint)a, (nint)b, (nint)c, beta) { }

        public double* A => (double*)PointerA;
        public double* B => (double*)PointerB;
        public double* C => (double*)PointerC;
    }

    /// <summary>C[i0..i1, j0..j1] by one one-threaded <c>cblas_dgemm</c>, with the full matrices' leading dimensions.</summary>
    private void Block(Call call, int i0, int i1, int j0, int j1)
    {
        var (lda, ldb) = (call.TransposeA ? call.M : call.K, call.TransposeB ? call.K : call.N);
        var a = call.TransposeA ? call.A + i0 : call.A + (long)i0 * call.K;
        var b = call.TransposeB ? call.B + (long)j0 * call.K : call.B + j0;
        _library.Dgemm(RowMajor, call.TransposeA ? Trans : NoTrans, call.TransposeB ? Trans : NoTrans, i1 - i0, j1 - j0, call.K,
            1.0, a, lda, b, ldb, call.Beta, call.C + (long)i0 * call.N + j0, call.N);
    }
}
