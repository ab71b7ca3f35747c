namespace Functional.NN.Compute;

/// <summary>
/// Matrix products by the system OpenBLAS's <c>cblas_dgemm</c> (row-major), called directly. Tiny products
/// take the managed direct loop instead, which is faster than any native call. OpenBLAS's thread count is
/// process-wide inside the library: it is set once, when the backend is made.
/// </summary>
internal sealed unsafe class OpenBlasBackend : ComputeBackend
{
    private const int RowMajor = 101, NoTrans = 111, Trans = 112;
    private readonly OpenBlasLibrary _library;

    public OpenBlasBackend(OpenBlasLibrary library, int threads) : base(threads)
    {
        _library = library;
        library.SetNumThreads(threads);
    }

    /// <inheritdoc />
    public override string Name => "openblas";

    /// <inheritdoc />
    public override string Description => _library.Description;

    private protected override long SmallProductLimit => 1024;

    private protected override void MultiplyLarge(bool transposeA, bool transposeB, int m, int n, int k,
        ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> c, bool accumulate)
    {
        fixed (double* pa = a)
        fixed (double* pb = b)
        fixed (double* pc = c)
            _library.Dgemm(RowMajor, transposeA ? Trans : NoTrans, transposeB ? Trans : NoTrans, m, n, k,
                1.0, pa, transposeA ? m : k, pb, transposeB ? k : n, accumulate ? 1.0 : 0.0, pc, n);
    }
}
