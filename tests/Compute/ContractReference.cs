using System.Numerics;
using Functional.NN.Compute;

namespace Functional.NN.Tests.Compute;

/// <summary>
/// The determinism contract written out literally in scalar code, as the README and
/// <see cref="BatchReduction"/> state it, for the kernels to be compared with bit for bit.
/// </summary>
internal static class ContractReference
{
    /// <summary>The k block of a sum over features.</summary>
    public const int FeatureBlock = 256;

    /// <summary>Rows per chunk of a sum over the batch.</summary>
    public const int Chunk = 32;

    /// <summary>
    /// C = (accumulate ? C0 : +0) + op(A)·op(B). A sum over features adds, per k block of 256 in order, one
    /// fused chain from +0; a sum over the batch (A transposed) adds tree(chunk chains).
    /// </summary>
    public static T[] Product<T>(bool ta, bool tb, int m, int n, int k, T[] a, T[] b, T[] c0, bool accumulate)
        where T : IFloatingPointIeee754<T>
    {
        T A(int i, int p) => ta ? a[p * m + i] : a[i * k + p];
        T B(int p, int j) => tb ? b[j * k + p] : b[p * n + j];
        T ChainSum(int i, int j, int from, int to)
        {
            var s = T.Zero;
            for (var p = from; p < to; p++) s = T.FusedMultiplyAdd(A(i, p), B(p, j), s);
            return s;
        }
        var c = new T[m * n];
        for (var i = 0; i < m; i++)
            for (var j = 0; j < n; j++)
            {
                var sum = accumulate ? c0[i * n + j] : T.Zero;
                if (ta)
                {
                    var chunks = Enumerable.Range(0, (k + Chunk - 1) / Chunk)
                        .Select(q => ChainSum(i, j, q * Chunk, Math.Min(k, (q + 1) * Chunk))).ToArray();
                    sum += Tree<T>(chunks);
                }
                else
                {
                    for (var p = 0; p < k; p += FeatureBlock) sum += ChainSum(i, j, p, Math.Min(k, p + FeatureBlock));
                }
                c[i * n + j] = sum;
            }
        return c;
    }

    /// <summary>tree(1) = the leaf; tree(n) = tree(first L) + tree(other n - L), L the largest power of two below n.</summary>
    public static T Tree<T>(ReadOnlySpan<T> leaves) where T : IFloatingPointIeee754<T>
    {
        if (leaves.Length == 0) return T.Zero;
        if (leaves.Length == 1) return leaves[0];
        var left = 1;
        while (left * 2 < leaves.Length) left *= 2;
        return Tree<T>(leaves[..left]) + Tree<T>(leaves[left..]);
    }

    /// <summary>Σ values in the batch order: chunk sums (plain adds from +0), then the tree.</summary>
    public static double BatchSum(IReadOnlyList<double> values)
    {
        var chunks = new List<double>();
        for (var from = 0; from < values.Count; from += Chunk)
        {
            var s = 0.0;
            for (var r = from; r < Math.Min(values.Count, from + Chunk); r++) s += values[r];
            chunks.Add(s);
        }
        return Tree<double>(chunks.ToArray());
    }

    /// <summary>IEEE-754 bits, for exact comparison (NaN payloads included).</summary>
    public static long[] Bits(IEnumerable<double> values) => values.Select(BitConverter.DoubleToInt64Bits).ToArray();

    /// <summary>IEEE-754 bits of floats, for exact comparison (NaN payloads included).</summary>
    public static int[] Bits(IEnumerable<float> values) => values.Select(BitConverter.SingleToInt32Bits).ToArray();
}
