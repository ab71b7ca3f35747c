namespace Functional.NN.Compute;

/// <summary>
/// The direct triple loop for tiny products (the tutorial's 2x2 layers): no packing, no call overhead.
/// Each element is Σ_p in order p = 0..k-1, then added to C when accumulating.
/// </summary>
internal static class SmallGemm
{
    /// <summary>See <see cref="ComputeBackend.Multiply"/>.</summary>
    public static void Multiply(bool transposeA, bool transposeB, int m, int n, int k,
        ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> c, bool accumulate)
    {
        // A(i,p) = a[i*rowA + p*colA]; B(p,j) = b[p*rowB + j*colB].
        var (rowA, colA) = transposeA ? (1, m) : (k, 1);
        var (rowB, colB) = transposeB ? (1, k) : (n, 1);
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var sum = 0.0;
                int ia = i * rowA, ib = j * colB;
                for (var p = 0; p < k; p++, ia += colA, ib += rowB) sum += a[ia] * b[ib];
                var at = i * n + j;
                c[at] = accumulate ? c[at] + sum : sum;
            }
        }
    }
}
