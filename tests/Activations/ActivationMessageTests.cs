using Functional.NN.Activations;
using Functional.NN.Tensors;
using Xunit;

namespace Functional.NN.Tests.Activations;

/// <summary>
/// The refusals of the activations say what was wrong and where: a backward pass given a gradient of another
/// shape names the activation and both shapes, and a non-finite hyper-parameter names the activation and the
/// parameter (the mutation run found these messages unasserted).
/// </summary>
public sealed class ActivationMessageTests
{
    public static TheoryData<string> ElementwiseNames() =>
        ["identity", "sigmoid", "tanh", "relu", "leaky_relu", "elu", "softplus", "gelu"];

    [Theory]
    [MemberData(nameof(ElementwiseNames))]
    public void Backward_with_a_gradient_of_another_shape_names_the_activation_and_both_shapes(string name)
    {
        var activation = ActivationCatalog.FromName(name).ThrowIfFail();
        var z = Tensor.Zeros(2, 3);
        var error = Assert.Throws<ArgumentException>(() => activation.Backward(z, activation.Apply(z), Tensor.Zeros(3, 2)));
        Assert.Equal($"{name} backward: shapes differ, [2 x 3] and [3 x 2]", error.Message);
    }

    [Fact]
    public void Softmax_backward_with_a_gradient_of_another_shape_names_softmax_and_both_shapes()
    {
        var z = Tensor.Zeros(2, 3);
        var error = Assert.Throws<ArgumentException>(() => Activation.Softmax.Backward(z, Activation.Softmax.Apply(z), Tensor.Zeros(2, 4)));
        Assert.Equal("softmax backward: shapes differ, [2 x 3] and [2 x 4]", error.Message);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void A_non_finite_elu_alpha_or_leaky_slope_is_refused_by_name(double value)
    {
        var elu = Assert.Throws<ArgumentOutOfRangeException>(() => Activation.EluWithAlpha(value));
        Assert.Equal("alpha", elu.ParamName);
        Assert.StartsWith("elu: alpha must be a finite number", elu.Message);
        var leaky = Assert.Throws<ArgumentOutOfRangeException>(() => Activation.LeakyReluWithSlope(value));
        Assert.Equal("slope", leaky.ParamName);
        Assert.StartsWith("leaky_relu: the slope must be a finite number", leaky.Message);
    }
}
