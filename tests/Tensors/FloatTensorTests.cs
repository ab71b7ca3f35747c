using System.Security.Cryptography;
using Functional.NN.Tensors;
using Xunit;

namespace Functional.NN.Tests.Tensors;

/// <summary>
/// Tensors of floats (issue 14): the same immutable type as tensors of doubles, with the content hash over 4-byte
/// elements, and the products and reductions of <see cref="TensorAlgebra"/> computed in float arithmetic.
/// </summary>
public sealed class FloatTensorTests
{
    [Fact]
    public void The_content_hash_of_a_float_tensor_is_sha256_of_its_shape_and_4_byte_elements()
    {
        var t = Tensor<float>.FromRowMajor(1, 2, [1.5f, -0.0f]).ThrowIfFail();
        // rows 1, columns 2, then 1.5f = 0x3FC00000 and -0 hashed as +0, all little-endian.
        byte[] expected = [1, 0, 0, 0, 2, 0, 0, 0, 0x00, 0x00, 0xC0, 0x3F, 0, 0, 0, 0];
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(expected)), t.ContentHash());
    }

    [Fact]
    public void Float_tensors_are_equal_by_shape_and_numbers()
    {
        var a = Tensor<float>.Build(2, 3, (r, c) => r * 3 + c + 0.25f);
        Assert.Equal(a, Tensor<float>.FromRowMajor(2, 3, [0.25f, 1.25f, 2.25f, 3.25f, 4.25f, 5.25f]).ThrowIfFail());
        Assert.NotEqual(a, a.With(1, 2, 5.5f));
        Assert.Equal(2.25f, a[0, 2]);
    }

    [Fact]
    public void Products_and_reductions_of_floats_round_to_float_at_every_step()
    {
        // 1 + 2⁻²⁴ rounds to 1 in float (a tie, to even), so 1 + 2⁻²⁴ + 2⁻²⁴ summed in floats is 1; carried in
        // doubles and rounded once at the end it would be 1 + 2⁻²³, a float.
        var tiny = MathF.Pow(2, -24);
        var a = Tensor<float>.FromRowMajor(1, 3, [1f, tiny, tiny]).ThrowIfFail();
        var b = Tensor<float>.FromRowMajor(3, 1, [1f, 1f, 1f]).ThrowIfFail();
        Assert.Equal(1f, TensorAlgebra.Multiply(a, b)[0, 0]);
        Assert.Equal(1f, TensorAlgebra.Sum(a));
        Assert.Equal(1f + 2 * tiny, (float)(1.0 + tiny + tiny));
        Assert.Equal([1f, tiny], TensorAlgebra.ColumnSums(Tensor<float>.FromRowMajor(2, 2, [1f, tiny, 0f, 0f]).ThrowIfFail()).ToArray());
        Assert.Equal([2f, 2 * tiny, 2 * tiny], TensorAlgebra.Scale(a, 2f).ToArray());
        Assert.Equal([1f, tiny * tiny, tiny * tiny], TensorAlgebra.Hadamard(a, a).ToArray());
    }
}
