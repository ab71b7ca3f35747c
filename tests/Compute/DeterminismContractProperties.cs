using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Functional.NN.Compute;
using Functional.NN.Losses;
using Functional.NN.Tensors;
using Xunit;

namespace Functional.NN.Tests.Compute;

/// <summary>
/// The determinism contract of the managed backend, checked bit for bit against <see cref="ContractReference"/>:
/// products on random shapes (tiny ones on the direct loop, large ones split across threads, batches that are
/// not a multiple of 32, k longer than a k block), on 1, 2 and 3 threads and at every vector width this
/// processor runs; the bias gradient, the loss mean and the dot product likewise.
/// </summary>
[Properties(MaxTest = 40)]
public sealed class DeterminismContractProperties
{
    /// <summary>A product's shape and operands.</summary>
    public sealed record ProductCase(bool TransposeA, bool TransposeB, int M, int N, int K, bool Accumulate, int Seed)
    {
        public (double[] A, double[] B, double[] C) Operands()
        {
            var random = new Random(Seed);
            double Next() => random.NextDouble() * 2 - 1;
            return (Enumerable.Range(0, M * K).Select(_ => Next()).ToArray(), Enumerable.Range(0, K * N).Select(_ => Next()).ToArray(),
                Enumerable.Range(0, M * N).Select(_ => Next()).ToArray());
        }

        public override string ToString() => $"ta={TransposeA} tb={TransposeB} m={M} n={N} k={K} accumulate={Accumulate} seed={Seed}";
    }

    private static readonly Gen<int> Side = Gen.OneOf(Gen.Choose(1, 9), Gen.Choose(10, 40));

    private static readonly Gen<int> Inner = Gen.OneOf(Gen.Choose(1, 40), Gen.Choose(40, 300), Gen.Choose(250, 700), Gen.Elements(32, 64, 256, 257, 512, 513));

    private static Arbitrary<ProductCase> Products() => Products(Side);

    /// <summary>Random products with m and n drawn from <paramref name="side"/>, k from short chains to several k blocks.</summary>
    internal static Arbitrary<ProductCase> Products(Gen<int> side) => Arb.From(
        from ta in ArbMap.Default.GeneratorFor<bool>()
        from tb in ArbMap.Default.GeneratorFor<bool>()
        from m in side
        from n in side
        from k in Inner
        from accumulate in ArbMap.Default.GeneratorFor<bool>()
        from seed in Gen.Choose(0, 1_000_000)
        select new ProductCase(ta, tb, m, n, k, accumulate, seed));

    /// <summary>The three products of a dense layer's step: z = a·Wᵀ (features), dW = δᵀ·a (batch), δ·W (features).</summary>
    internal static ProductCase[] LayerProducts(int batch, int units, int inputs) =>
    [
        new(false, true, batch, units, inputs, true, 1),
        new(true, false, units, inputs, batch, false, 2),
        new(false, false, batch, inputs, units, false, 3),
    ];

    private static double[] Run(ComputeBackend backend, ProductCase p, double[] a, double[] b, double[] c0)
    {
        var c = p.Accumulate ? (double[])c0.Clone() : Enumerable.Repeat(double.NaN, p.M * p.N).ToArray();
        backend.Multiply(p.TransposeA, p.TransposeB, p.M, p.N, p.K, a, b, c, p.Accumulate);
        return c;
    }

    /// <summary>
    /// Every managed backend variant: 1, 2, 3 threads at the best width, and 1 and 2 threads at each width that
    /// runs here. Made once: each backend with more than one thread owns a team of worker threads.
    /// </summary>
    internal static readonly (string Name, ComputeBackend Backend)[] Variants =
        new[] { 1, 2, 3 }.Select(t => ($"{t} threads", BackendChoice.Managed(t)))
            .Concat(Enum.GetValues<KernelWidth>().Where(KernelWidths.Runs)
                .SelectMany(w => new[] { 1, 2 }.Select(t => ($"{KernelWidths.Name(w)} {t} threads", BackendChoice.Managed(t, w)))))
            .ToArray();

    private static IEnumerable<(string Name, ComputeBackend Backend)> ManagedVariants() => Variants;

    [Property]
    public Property Every_managed_product_is_the_contract_bit_for_bit() =>
        Prop.ForAll(Products(), p =>
        {
            var (a, b, c0) = p.Operands();
            var expected = ContractReference.Bits(ContractReference.Product(p.TransposeA, p.TransposeB, p.M, p.N, p.K, a, b, c0, p.Accumulate));
            foreach (var (name, backend) in ManagedVariants())
                Assert.True(expected.SequenceEqual(ContractReference.Bits(Run(backend, p, a, b, c0))), $"{name}: {p}");
        });

    [Theory]
    [InlineData(128, 256, 784)]
    [InlineData(1024, 256, 784)]
    [InlineData(130, 10, 128)]
    public void The_forward_and_backward_products_of_the_mlp_are_the_contract_on_every_variant(int batch, int units, int inputs)
    {
        foreach (var p in LayerProducts(batch, units, inputs))
        {
            var (a, b, c0) = p.Operands();
            var expected = ContractReference.Bits(ContractReference.Product(p.TransposeA, p.TransposeB, p.M, p.N, p.K, a, b, c0, p.Accumulate));
            foreach (var (name, backend) in ManagedVariants())
                Assert.True(expected.SequenceEqual(ContractReference.Bits(Run(backend, p, a, b, c0))), $"{name}: {p}");
        }
    }

    [Property]
    public Property Column_sums_are_the_batch_order(PositiveInt rows, PositiveInt columns, int seed)
    {
        var (m, n) = (rows.Get % 300 + 1, columns.Get % 20 + 1);
        var random = new Random(seed);
        var a = Enumerable.Range(0, m * n).Select(_ => random.NextDouble() * 2 - 1).ToArray();
        var sums = new double[n];
        MatrixKernels.ColumnSums(a, sums, m, n);
        var expected = Enumerable.Range(0, n).Select(j => ContractReference.BatchSum(Enumerable.Range(0, m).Select(r => a[r * n + j]).ToList()));
        return ContractReference.Bits(sums).SequenceEqual(ContractReference.Bits(expected)).Label($"m={m} n={n}");
    }

    [Property]
    public Property The_loss_mean_is_the_batch_order_of_the_row_losses(PositiveInt rows, int seed)
    {
        var (m, n) = (rows.Get % 200 + 1, 3);
        var random = new Random(seed);
        var y = Tensor.Build(m, n, (_, _) => random.NextDouble());
        var t = Tensor.Build(m, n, (_, _) => random.NextDouble());
        var rowLosses = Enumerable.Range(0, m).Select(r =>
        {
            var s = 0.0;
            for (var j = 0; j < n; j++) s += 0.5 * (t[r, j] - y[r, j]) * (t[r, j] - y[r, j]);
            return s;
        }).ToList();
        var expected = ContractReference.BatchSum(rowLosses) / m;
        var actual = ((OutputLoss)Loss.HalfSumSquaredError).Value(y, t);
        return (BitConverter.DoubleToInt64Bits(actual) == BitConverter.DoubleToInt64Bits(expected)).Label($"m={m}: {actual} vs {expected}");
    }

    [Property]
    public Property The_dot_product_has_eight_fixed_lanes(PositiveInt length, int seed)
    {
        var n = length.Get % 100;
        var random = new Random(seed);
        var x = Enumerable.Range(0, n).Select(_ => random.NextDouble() * 2 - 1).ToArray();
        var y = Enumerable.Range(0, n).Select(_ => random.NextDouble() * 2 - 1).ToArray();
        var lanes = new double[8];
        var full = n / 8 * 8;
        for (var i = 0; i < full; i++) lanes[i % 8] += x[i] * y[i];
        var expected = ((lanes[0] + lanes[1]) + (lanes[2] + lanes[3])) + ((lanes[4] + lanes[5]) + (lanes[6] + lanes[7]));
        for (var i = full; i < n; i++) expected += x[i] * y[i];
        var actual = MatrixKernels.Dot(x, y);
        return (BitConverter.DoubleToInt64Bits(actual) == BitConverter.DoubleToInt64Bits(expected)).Label($"n={n}");
    }

    [Fact]
    public void The_tree_splits_at_the_largest_power_of_two_below_the_count()
    {
        Assert.Equal([1, 2, 2, 4, 4, 4, 4, 8, 16, 16], new[] { 2, 3, 4, 5, 6, 7, 8, 9, 17, 32 }.Select(BatchReduction.LeftCount));
        // Three leaves whose sum depends on grouping: tree(3) = (x0 + x1) + x2.
        Assert.Equal((1e16 + -1e16) + 1.0, ContractReference.Tree([1e16, -1e16, 1.0]));
        var values = Enumerable.Range(0, 70).Select(i => i == 0 ? 1e16 : i == 40 ? -1e16 : 1.0).ToArray();
        // Chunks: [1e16 + 31] [32 ones... with -1e16 at 40] [6 ones]: the batch order, not the sequential sum.
        Assert.Equal(ContractReference.BatchSum(values), BatchReduction.Sum(values));
        Assert.NotEqual(values.Aggregate(0.0, (s, v) => s + v), BatchReduction.Sum(values));
    }
}
