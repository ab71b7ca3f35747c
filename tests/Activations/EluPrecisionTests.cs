using Functional.NN.Activations;
using Xunit;

namespace Functional.NN.Tests.Activations;

/// <summary>ELU's e^z - 1 keeps full relative precision near 0 (found by the ONNX Runtime comparison).</summary>
public sealed class EluPrecisionTests
{
    /// <summary>e^x - 1 from its Taylor series, summed until the terms vanish: exact to the last bit or two for |x| ≤ 1.</summary>
    private static double Series(double x)
    {
        double term = x, sum = 0;
        for (var k = 1; k < 60; k++) { sum += term; term *= x / (k + 1); }
        return sum;
    }

    [Theory]
    [InlineData(-0.09)] [InlineData(-0.05)] [InlineData(-0.01)] [InlineData(-1e-3)] [InlineData(-1e-5)]
    [InlineData(-1e-9)] [InlineData(-1e-300)] [InlineData(-0.3)] [InlineData(-0.7)] [InlineData(0.05)] [InlineData(1.0)]
    public void Expm1_is_accurate_to_a_few_ulps(double x) =>
        Assert.True(Math.Abs(Elu.Expm1(x) - Series(x)) <= 1e-15 * Math.Abs(Series(x)),
            $"expm1({x:R}) = {Elu.Expm1(x):R}, series {Series(x):R}");

    [Fact]
    public void Expm1_saturates_at_minus_one_and_overflows_to_infinity()
    {
        Assert.Equal(-1.0, Elu.Expm1(-800.0));
        Assert.Equal(double.PositiveInfinity, Elu.Expm1(800.0));
        Assert.Equal(0.0, Elu.Expm1(0.0));
    }

    [Fact]
    public void Elu_of_minus_0_05_is_exact_to_1e_15() =>
        Assert.Equal(-0.048770575499285984, Activation.Elu.Apply(Functional.NN.Tensors.Tensor<double>.RowVector([-0.05]))[0, 0], 15);
}
