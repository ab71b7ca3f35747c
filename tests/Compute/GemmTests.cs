using Functional.NN.Compute;
using Xunit;

namespace Functional.NN.Tests.Compute;

/// <summary>Every backend's matrix product against a plain triple loop, over shapes that hit every edge of the tiling.</summary>
public sealed class GemmTests
{
    /// <summary>(m, n, k): tiny (direct loop), tile edges, more than one k block, more than one row block.</summary>
    public static IEnumerable<object[]> Shapes() =>
        from shape in new[]
        {
            (1, 1, 1), (2, 2, 2), (3, 5, 7), (6, 16, 8), (7, 17, 9), (13, 31, 300), (97, 33, 257),
            (128, 10, 128), (10, 128, 128), (200, 130, 70), (5, 1030, 40), (129, 257, 513),
        }
        from ta in new[] { false, true }
        from tb in new[] { false, true }
        select new object[] { shape.Item1, shape.Item2, shape.Item3, ta, tb };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Managed_product_matches_the_definition(int m, int n, int k, bool ta, bool tb) =>
        Check(Backends.Managed1, m, n, k, ta, tb);

    [SkippableTheory]
    [MemberData(nameof(Shapes))]
    public void OpenBlas_product_matches_the_definition(int m, int n, int k, bool ta, bool tb) =>
        Check(Backends.Named("openblas"), m, n, k, ta, tb);

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Managed_results_do_not_depend_on_the_thread_count(int m, int n, int k, bool ta, bool tb)
    {
        var (a, b, c0) = Operands(m, n, k);
        var one = (double[])c0.Clone();
        var three = (double[])c0.Clone();
        Backends.Managed1.Multiply(ta, tb, m, n, k, a, b, one, accumulate: true);
        Backends.Managed3.Multiply(ta, tb, m, n, k, a, b, three, accumulate: true);
        Assert.Equal(one, three);
    }

    /// <summary>The products of the mlp workload (784-256-128-10, batch 128) and the larger ones of the tests.</summary>
    public static IEnumerable<object[]> LargeShapes() =>
        from shape in new[] { (128, 256, 784), (256, 784, 128), (128, 256, 128), (128, 128, 256), (300, 200, 400), (129, 257, 513) }
        from ta in new[] { false, true }
        from tb in new[] { false, true }
        select new object[] { shape.Item1, shape.Item2, shape.Item3, ta, tb };

    [SkippableTheory]
    [MemberData(nameof(LargeShapes))]
    public void OpenBlas_results_on_one_and_three_threads_agree_to_rounding(int m, int n, int k, bool ta, bool tb)
    {
        // OpenBLAS runs one-threaded inside; the backend splits C into blocks, one per thread. A block may take
        // a different kernel from the whole (0.3.21 has a separate kernel for small products on SkylakeX), so
        // only agreement to rounding is asserted here; reruns with one thread count are bit-identical.
        Skip.If(Backends.OpenBlas is null, "OpenBLAS is not installed");
        var (a, b, c0) = Operands(m, n, k);
        var one = (double[])c0.Clone();
        var three = (double[])c0.Clone();
        var (productOne, productThree) = (new double[m * n], new double[m * n]);
        var single = Backends.OpenBlas1!;
        single.Multiply(ta, tb, m, n, k, a, b, one, accumulate: true);
        single.Multiply(ta, tb, m, n, k, a, b, productOne, accumulate: false);
        var triple = Backends.OpenBlas3!;
        triple.Multiply(ta, tb, m, n, k, a, b, three, accumulate: true);
        triple.Multiply(ta, tb, m, n, k, a, b, productThree, accumulate: false);
        for (var i = 0; i < m * n; i++)
        {
            Assert.True(Math.Abs(one[i] - three[i]) <= 1e-12 * Math.Max(1, Math.Abs(one[i])), $"accumulated [{i}]");
            Assert.True(Math.Abs(productOne[i] - productThree[i]) <= 1e-12 * Math.Max(1, Math.Abs(productOne[i])), $"product [{i}]");
        }
    }

    [SkippableFact]
    public void OpenBlas_results_are_bit_identical_from_call_to_call()
    {
        var blas = Backends.Named("openblas");
        var (a, b, _) = Operands(300, 200, 400);
        var first = new double[300 * 200];
        var second = new double[300 * 200];
        blas.Multiply(false, true, 300, 200, 400, a, b, first, accumulate: false);
        blas.Multiply(false, true, 300, 200, 400, a, b, second, accumulate: false);
        Assert.Equal(first, second);
    }

    [Fact]
    public void An_empty_inner_dimension_gives_zeros_or_keeps_the_accumulator()
    {
        var c = new[] { 1.0, 2.0 };
        Backends.Managed1.Multiply(false, false, 1, 2, 0, [], [], c, accumulate: true);
        Assert.Equal([1.0, 2.0], c);
        Backends.Managed1.Multiply(false, false, 1, 2, 0, [], [], c, accumulate: false);
        Assert.Equal([0.0, 0.0], c);
    }

    private static void Check(ComputeBackend backend, int m, int n, int k, bool ta, bool tb)
    {
        var (a, b, c0) = Operands(m, n, k);
        var expected = Reference(m, n, k, ta, tb, a, b);
        var product = new double[m * n];
        Array.Fill(product, double.NaN); // not accumulating: old contents must be ignored
        backend.Multiply(ta, tb, m, n, k, a, b, product, accumulate: false);
        var accumulated = (double[])c0.Clone();
        backend.Multiply(ta, tb, m, n, k, a, b, accumulated, accumulate: true);
        for (var i = 0; i < m * n; i++)
        {
            Assert.True(Math.Abs(product[i] - expected[i]) <= 1e-12 * Math.Max(1, Math.Abs(expected[i])),
                $"{backend.Name} m={m} n={n} k={k} ta={ta} tb={tb} [{i}]: {product[i]} vs {expected[i]}");
            Assert.True(Math.Abs(accumulated[i] - (c0[i] + expected[i])) <= 1e-12 * Math.Max(1, Math.Abs(expected[i])),
                $"{backend.Name} accumulate m={m} n={n} k={k} [{i}]");
        }
    }

    private static (double[] A, double[] B, double[] C) Operands(int m, int n, int k)
    {
        var random = new Random(m * 1_000_003 + n * 1009 + k);
        double Next() => random.NextDouble() * 2 - 1;
        return (Enumerable.Range(0, m * k).Select(_ => Next()).ToArray(),
            Enumerable.Range(0, k * n).Select(_ => Next()).ToArray(),
            Enumerable.Range(0, m * n).Select(_ => Next()).ToArray());
    }

    private static double[] Reference(int m, int n, int k, bool ta, bool tb, double[] a, double[] b)
    {
        var c = new double[m * n];
        for (var i = 0; i < m; i++)
            for (var j = 0; j < n; j++)
            {
                var sum = 0.0;
                for (var p = 0; p < k; p++)
                    sum += (ta ? a[p * m + i] : a[i * k + p]) * (tb ? b[j * k + p] : b[p * n + j]);
                c[i * n + j] = sum;
            }
        return c;
    }
}
