using System.Numerics;
using Functional.NN.Tensors;

namespace Functional.NN.Activations;

/// <summary>
/// Row-wise softmax: a_j = e^(z_j - max z) / Σ_k e^(z_k - max z), shifted by the row maximum so that no
/// exponent overflows. Allowed only as the output layer. Its backward rule is the vector-Jacobian
/// product a ⊙ (g - Σ_k g_k a_k); with <see cref="Losses.SoftmaxCrossEntropy"/> the fused delta is used instead.
/// </summary>
public sealed record Softmax : Activation
{
    /// <inheritdoc />
    public override string Name => "softmax";

    /// <inheritdoc />
    public override Tensor<T> Apply<T>(Tensor<T> z)
    {
        var result = new T[z.Length];
        for (var r = 0; r < z.Rows; r++)
        {
            var row = z.Row(r);
            var output = result.AsSpan(r * z.Columns, z.Columns);
            var max = T.NegativeInfinity;
            foreach (var x in row) max = T.Max(max, x);
            var sum = T.Zero;
            for (var j = 0; j < row.Length; j++) sum += output[j] = T.Exp(row[j] - max);
            for (var j = 0; j < row.Length; j++) output[j] /= sum;
        }
        return Tensor<T>.Own(z.Rows, z.Columns, result);
    }

    /// <inheritdoc />
    public override Tensor<T> Backward<T>(Tensor<T> z, Tensor<T> a, Tensor<T> gradientOfOutput)
    {
        a.RequireSameShape(gradientOfOutput, "softmax backward");
        var result = new T[a.Length];
        for (var r = 0; r < a.Rows; r++)
        {
            var ar = a.Row(r);
            var gr = gradientOfOutput.Row(r);
            var dot = MatrixKernels.Dot(ar, gr);
            for (var j = 0; j < ar.Length; j++) result[r * a.Columns + j] = ar[j] * (gr[j] - dot);
        }
        return Tensor<T>.Own(a.Rows, a.Columns, result);
    }
}
