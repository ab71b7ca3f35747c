namespace Functional.NN.Benchmarks;

/// <summary>The shape of a <see cref="GemmProduct"/> in the terms of <c>ComputeBackend.Multiply</c>: C[m x n] = op(A) · op(B).</summary>
/// <param name="TransposeA">A is stored [k x m] instead of [m x k].</param>
/// <param name="TransposeB">B is stored [n x k] instead of [k x n].</param>
/// <param name="M">Rows of C.</param>
/// <param name="N">Columns of C.</param>
/// <param name="K">The summed dimension.</param>
public sealed record GemmShape(bool TransposeA, bool TransposeB, int M, int N, int K)
{
    /// <summary>The shape of <paramref name="product"/>.</summary>
    public static GemmShape Of(GemmProduct product) => product switch
    {
        GemmProduct.Forward => new(false, true, 128, 256, 784),
        GemmProduct.WeightGradient => new(true, false, 256, 784, 128),
        GemmProduct.Delta => new(false, false, 128, 256, 128),
        _ => throw new ArgumentOutOfRangeException(nameof(product), product, "not a product of the training step"),
    };

    /// <summary>Floating-point operations of one product: a multiply and an add for each of m·n·k terms.</summary>
    public double Flops => 2.0 * M * N * K;
}
