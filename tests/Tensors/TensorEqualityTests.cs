using Functional.NN.Tensors;
using Xunit;

namespace Functional.NN.Tests.Tensors;

/// <summary>
/// Equality and <see cref="Tensor.ContentHash"/> agree: numbers that compare equal (0 and -0; NaNs with
/// any payload, which gradients can hold) hash equally, and any other change of bits changes the hash.
/// </summary>
public sealed class TensorEqualityTests
{
    public static TheoryData<double, double> EqualNumbers => new()
    {
        { 0.0, -0.0 },
        { double.NaN, BitConverter.Int64BitsToDouble(0x7FF8_0000_0000_0001) },
        { double.NaN, -double.NaN },
    };

    [Theory]
    [MemberData(nameof(EqualNumbers))]
    public void Numbers_that_compare_equal_give_equal_tensors_and_hashes(double x, double y)
    {
        var (a, b) = (Tensor.FromRows([[1.5, x]]).ThrowIfFail(), Tensor.FromRows([[1.5, y]]).ThrowIfFail());
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal(a.ContentHash(), b.ContentHash());
    }

    [Theory]
    [InlineData(0.0, double.Epsilon)]
    [InlineData(1.0, 1.0000000000000002)]
    [InlineData(double.PositiveInfinity, double.NegativeInfinity)]
    [InlineData(double.NaN, double.PositiveInfinity)]
    public void Different_numbers_give_different_tensors_and_hashes(double x, double y)
    {
        var (a, b) = (Tensor.FromRows([[1.5, x]]).ThrowIfFail(), Tensor.FromRows([[1.5, y]]).ThrowIfFail());
        Assert.NotEqual(a, b);
        Assert.NotEqual(a.ContentHash(), b.ContentHash());
    }

    [Fact]
    public void The_shape_is_part_of_the_hash()
    {
        var row = Tensor.FromRows([[1.0, 2.0, 3.0, 4.0]]).ThrowIfFail();
        var square = Tensor.FromRows([[1.0, 2.0], [3.0, 4.0]]).ThrowIfFail();
        Assert.NotEqual(row, square);
        Assert.NotEqual(row.ContentHash(), square.ContentHash());
    }
}
