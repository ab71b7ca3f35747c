using System.Numerics;

namespace Functional.NN.Compute;

/// <summary>
/// The direct loop for tiny products (the tutorial's 2x2 layers): no packing, no call overhead, in scalar fused
/// multiply-adds (doubles or floats) with exactly the arithmetic of <see cref="PackedGemm"/>, so which of the
/// two runs a product never changes a bit. C starts from its previous value when accumulating, else +0. A sum
/// over features adds, for each k block of <see cref="PackedGemm.KC"/>, one chain from +0; a sum over the batch
/// (A transposed) adds the total of <see cref="BatchReduction"/>'s chunk chains and tree.
/// </summary>
internal static class SmallGemm
{
    /// <summary>See <see cref="ComputeBackend.Multiply{T}"/>.</summary>
    public static void Multiply<T>(bool transposeA, bool transposeB, int m, int n, int k,
        ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, bool accumulate) where T : unmanaged, IFloatingPointIeee754<T>
    {
        // A(i,p) = a[i*rowA + p*colA]; B(p,j) = b[p*rowB + j*colB].
        var (rowA, colA) = transposeA ? (1, m) : (k, 1);
        var (rowB, colB) = transposeB ? (1, k) : (n, 1);
        Span<T> partials = stackalloc T[32];
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var at = i * n + j;
                var sum = accumulate ? c[at] : T.Zero;
                if (transposeA)
                {
                    sum += BatchSum(a, b, i * rowA, colA, j * colB, rowB, k, partials);
                }
                else
                {
                    for (var p0 = 0; p0 < k; p0 += PackedGemm.KC)
                        sum += Chain(a, b, i * rowA + p0 * colA, colA, j * colB + p0 * rowB, rowB, Math.Min(PackedGemm.KC, k - p0));
                }
                c[at] = sum;
            }
        }
    }

    /// <summary>Σ_p x[ix + p·dx] y[iy + p·dy] for p in [0, count): one fused multiply-add chain from +0.</summary>
    private static T Chain<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, int ix, int dx, int iy, int dy, int count) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var s = T.Zero;
        for (var p = 0; p < count; p++, ix += dx, iy += dy) s = T.FusedMultiplyAdd(x[ix], y[iy], s);
        return s;
    }

    /// <summary>The chains of the k chunks combined by <see cref="BatchReduction"/>'s tree (a binary counter).</summary>
    private static T BatchSum<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, int ix, int dx, int iy, int dy, int k, Span<T> partials)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Span<int> sizes = stackalloc int[32];
        var top = 0;
        for (var p0 = 0; p0 < k; p0 += BatchReduction.ChunkRows)
        {
            partials[top] = Chain(x, y, ix + p0 * dx, dx, iy + p0 * dy, dy, Math.Min(BatchReduction.ChunkRows, k - p0));
            sizes[top++] = 1;
            while (top >= 2 && sizes[top - 1] == sizes[top - 2])
            {
                partials[top - 2] += partials[top - 1];
                sizes[top - 2] *= 2;
                top--;
            }
        }
        var total = partials[top - 1];
        for (var t = top - 2; t >= 0; t--) total = partials[t] + total;
        return total;
    }
}
