using Functional.NN.Activations;
using Functional.NN.Tensors;
using Functional.NN.Verification;
using Xunit;

namespace Functional.NN.Tests.Activations;

/// <summary>
/// Values and derivatives of the new activations against 50-digit references, their behaviour at large |z|,
/// value equality of parameterised activations, and the catalog.
/// </summary>
public sealed class ActivationValueTests
{
    // Reference values from mpmath at 50 digits (python3, mpmath 1.3.0):
    //   Phi = lambda z: erfc(-z/sqrt(2))/2
    //   gelu(z) = z*Phi(z); gelu'(z) = Phi(z) + z*exp(-z*z/2)/sqrt(2*pi)
    //   softplus(z) = log(1+exp(z)); elu(z<=0) = expm1(z)
    [Theory]
    [InlineData(-6.0, -5.9195258702261885e-09, -3.5468709453902015e-08)]
    [InlineData(-3.0, -0.0040496940948902835, -0.011945647204183927)]
    [InlineData(-0.5, -0.15426876936299344, 0.13250487534383715)]
    [InlineData(0.7, 0.5306254434438489, 0.9766141011336599)]
    [InlineData(2.5, 2.4844758366855597, 1.037611085908145)]
    public void Gelu_matches_the_exact_erf_form(double z, double value, double derivative)
    {
        var gelu = new Gelu();
        Close(value, gelu.Value(z), 1e-13);
        Close(derivative, gelu.Derivative(z, gelu.Value(z)), 1e-13);
    }

    [Theory]
    [InlineData(-40.0, 4.248354255291589e-18)]
    [InlineData(-1.0, 0.3132616875182228)]
    [InlineData(0.5, 0.9740769841801067)]
    [InlineData(30.0, 30.000000000000092)]
    [InlineData(800.0, 800.0)]
    public void Softplus_is_accurate_in_both_tails(double z, double value) => Close(value, new Softplus().Value(z), 1e-14);

    [Theory]
    [InlineData(-1e-8, -9.99999995e-09)]
    [InlineData(-0.5, -0.3934693402873666)]
    [InlineData(-20.0, -0.9999999979388464)]
    public void Elu_keeps_its_relative_precision_near_zero(double z, double value) => Close(value, new Elu().Value(z), 1e-14);

    [Fact]
    public void Leaky_relu_and_elu_follow_the_goldens_definitions()
    {
        Assert.Equal(-0.03, Activation.LeakyRelu is LeakyRelu l ? l.Value(-3.0) : double.NaN, 15);
        Assert.Equal(2.0, new LeakyRelu().Value(2.0));
        Assert.Equal(0.01, new LeakyRelu().Derivative(-1.0, -0.01));
        Assert.Equal(0.5 * Math.Exp(-2.0), new Elu(0.5).Derivative(-2.0, 0.0), 15);
        Assert.Equal(1.0, new Elu().Derivative(1e-9, 1e-9));
    }

    [Theory]
    [InlineData(-1000.0)]
    [InlineData(1000.0)]
    [InlineData(-1e300)]
    [InlineData(1e300)]
    public void New_activations_stay_finite_for_huge_pre_activations(double z)
    {
        foreach (var activation in new ElementwiseActivation[] { new LeakyRelu(), new Elu(), new Softplus(), new Gelu() })
        {
            var a = activation.Value(z);
            Assert.True(double.IsFinite(a), $"{activation.Name}({z}) = {a}");
            Assert.True(double.IsFinite(activation.Derivative(z, a)), $"{activation.Name}'({z}) = {activation.Derivative(z, a)}");
        }
        Assert.Equal(Math.Max(z, 0), new Softplus().Value(z));
        Assert.Equal(z > 0 ? z : 0.0, new Gelu().Value(z));
    }

    [Fact]
    public void Parameterised_activations_compare_by_value()
    {
        Assert.Equal(Activation.LeakyRelu, new LeakyRelu(0.01));
        Assert.Equal(Activation.LeakyReluWithSlope(0.2), new LeakyRelu(0.2));
        Assert.Equal(new LeakyRelu(0.2).GetHashCode(), Activation.LeakyReluWithSlope(0.2).GetHashCode());
        Assert.NotEqual(Activation.LeakyRelu, Activation.LeakyReluWithSlope(0.2));
        Assert.Equal(Activation.Elu, new Elu(1.0));
        Assert.NotEqual(Activation.Elu, Activation.EluWithAlpha(0.5));
        Assert.Equal(Activation.Gelu, new Gelu());
        Assert.NotEqual<Activation>(Activation.Softplus, Activation.Gelu);
        Assert.Throws<ArgumentOutOfRangeException>(() => new LeakyRelu(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Elu(double.PositiveInfinity));
    }

    [Theory]
    [InlineData("identity")]
    [InlineData("sigmoid")]
    [InlineData("tanh")]
    [InlineData("relu")]
    [InlineData("leaky_relu")]
    [InlineData("elu")]
    [InlineData("softplus")]
    [InlineData("gelu")]
    [InlineData("softmax")]
    public void Catalog_knows_every_name_of_the_goldens(string name) =>
        Assert.Equal(name, ActivationCatalog.FromName(name).ThrowIfFail().Name);

    [Fact]
    public void Catalog_defaults_match_the_goldens_hyper_parameters()
    {
        Assert.Equal(new LeakyRelu(0.01), ActivationCatalog.FromName("leaky_relu").ThrowIfFail());
        Assert.Equal(new Elu(1.0), ActivationCatalog.FromName("elu").ThrowIfFail());
        Assert.Equal(ActivationCatalog.BuiltIn.Count, ActivationCatalog.BuiltIn.Select(a => a.Name).Distinct().Count());
        var error = ActivationCatalog.FromName("swish").Match(_ => "", e => e.Message);
        Assert.Contains("swish", error);
        Assert.Contains("gelu", error);
    }

    [Fact]
    public void Gradient_check_catches_a_wrong_derivative()
    {
        var wrong = Activation.Custom("wrong_softplus", new Softplus().Value, z => 1.0 / (1.0 + Math.Exp(z)));
        var z = Tensor.FromRows([[0.3, -1.2], [2.0, 0.7]]).ThrowIfFail();
        Assert.False(GradientCheck.OfActivation(wrong, z).Passed);
    }

    private static void Close(double expected, double actual, double relative) =>
        Assert.True(Math.Abs(actual - expected) <= relative * Math.Abs(expected),
            $"expected {expected:R}, got {actual:R} (relative error {Math.Abs(actual - expected) / Math.Abs(expected):E2})");
}
