using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Functional.NN.Compute;
using Xunit;

namespace Functional.NN.Tests.Compute;

/// <summary>
/// Matrix products in float32 (issue 14): the managed kernel follows the same determinism contract as in float64
/// (<see cref="ContractReference"/> written for floats, bit for bit on every thread count and vector width), and its
/// results lie within the a-priori rounding bound of the exact product: |ĉ − c| ≤ γ(k + 1)·(|c0| + Σ|a||b|) with
/// γ(n) = n·u / (1 − n·u) and u = 2⁻²⁴ (Higham, Accuracy and Stability of Numerical Algorithms, §3.1), whatever
/// the order of the sum; the exact product is computed in doubles from the same float operands (error below 2⁻⁴⁵ of
/// the bound's scale, negligible).
/// </summary>
[Properties(MaxTest = 30)]
public sealed class FloatProductProperties
{
    // Sides past 32 and 64 reach the float tile's full width (32 columns at AVX-512) and its transposed packing.
    private static Arbitrary<DeterminismContractProperties.ProductCase> Products() =>
        DeterminismContractProperties.Products(Gen.OneOf(Gen.Choose(1, 9), Gen.Choose(10, 70)));

    private static readonly (string Name, ComputeBackend Backend)[] Variants = DeterminismContractProperties.Variants;

    private static (float[] A, float[] B, float[] C) Operands(DeterminismContractProperties.ProductCase p)
    {
        var (a, b, c) = p.Operands();
        return (a.Select(x => (float)x).ToArray(), b.Select(x => (float)x).ToArray(), c.Select(x => (float)x).ToArray());
    }

    private static float[] Run(ComputeBackend backend, DeterminismContractProperties.ProductCase p, float[] a, float[] b, float[] c0)
    {
        var c = p.Accumulate ? (float[])c0.Clone() : Enumerable.Repeat(float.NaN, p.M * p.N).ToArray();
        backend.Multiply<float>(p.TransposeA, p.TransposeB, p.M, p.N, p.K, a, b, c, p.Accumulate);
        return c;
    }

    [Property]
    public Property Every_managed_float_product_is_the_contract_bit_for_bit() =>
        Prop.ForAll(Products(), p =>
        {
            var (a, b, c0) = Operands(p);
            var expected = ContractReference.Bits(ContractReference.Product(p.TransposeA, p.TransposeB, p.M, p.N, p.K, a, b, c0, p.Accumulate));
            foreach (var (name, backend) in Variants)
                Assert.True(expected.SequenceEqual(ContractReference.Bits(Run(backend, p, a, b, c0))), $"{name}: {p}");
        });

    [Theory]
    [InlineData(128, 256, 784)]
    [InlineData(130, 10, 128)]
    [InlineData(97, 33, 600)]
    public void The_products_of_the_mlp_in_float_are_the_contract_on_every_variant(int batch, int units, int inputs)
    {
        foreach (var p in DeterminismContractProperties.LayerProducts(batch, units, inputs))
        {
            var (a, b, c0) = Operands(p);
            var expected = ContractReference.Bits(ContractReference.Product(p.TransposeA, p.TransposeB, p.M, p.N, p.K, a, b, c0, p.Accumulate));
            foreach (var (name, backend) in Variants)
                Assert.True(expected.SequenceEqual(ContractReference.Bits(Run(backend, p, a, b, c0))), $"{name}: {p}");
        }
    }

    [Property]
    public Property A_float_product_is_within_the_rounding_bound_of_the_exact_product() =>
        Prop.ForAll(Products(), p => WithinBound(Backends.Managed1, p));

    [SkippableFact]
    public void OpenBlas_float_products_are_within_the_rounding_bound_of_the_exact_product()
    {
        Skip.If(Backends.OpenBlas1 is null, $"{OpenBlasLibrary.FileName} is not installed");
        foreach (var (m, n, k) in new[] { (128, 256, 784), (97, 33, 257), (5, 1030, 40) })
            foreach (var ta in new[] { false, true })
                foreach (var tb in new[] { false, true })
                    Assert.True(WithinBound(Backends.OpenBlas1!, new DeterminismContractProperties.ProductCase(ta, tb, m, n, k, true, m + n)), $"{m}x{n}x{k} {ta} {tb}");
    }

    private static bool WithinBound(ComputeBackend backend, DeterminismContractProperties.ProductCase p)
    {
        var (a, b, c0) = Operands(p);
        var c = Run(backend, p, a, b, c0);
        float A(int i, int q) => p.TransposeA ? a[q * p.M + i] : a[i * p.K + q];
        float B(int q, int j) => p.TransposeB ? b[j * p.K + q] : b[q * p.N + j];
        var u = Math.ScaleB(1, -24);
        var gamma = (p.K + 1) * u / (1 - (p.K + 1) * u);
        for (var i = 0; i < p.M; i++)
            for (var j = 0; j < p.N; j++)
            {
                var (exact, scale) = p.Accumulate ? ((double)c0[i * p.N + j], Math.Abs((double)c0[i * p.N + j])) : (0.0, 0.0);
                for (var q = 0; q < p.K; q++)
                {
                    exact += (double)A(i, q) * B(q, j);
                    scale += Math.Abs((double)A(i, q) * B(q, j));
                }
                if (Math.Abs(c[i * p.N + j] - exact) > gamma * scale) return false;
            }
        return true;
    }
}
