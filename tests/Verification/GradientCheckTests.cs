using Functional.NN.Activations;
using Functional.NN.Losses;
using Functional.NN.Tensors;
using Functional.NN.Verification;
using Xunit;

namespace Functional.NN.Tests.Verification;

/// <summary>The gradient check itself: it catches wrong derivatives, passes right ones, and says where.</summary>
public sealed class GradientCheckTests
{
    private static readonly Tensor Z = Tensor.FromRows([[-1.3, 0.4, 2.1], [0.7, -0.2, 1.5]]).ThrowIfFail();

    private static Activation Softsign(Func<double, double> derivative) =>
        Activation.Custom("softsign", z => z / (1 + Math.Abs(z)), derivative);

    [Fact]
    public void A_right_activation_derivative_passes() =>
        Assert.True(GradientCheck.OfActivation(Softsign(z => 1 / ((1 + Math.Abs(z)) * (1 + Math.Abs(z)))), Z).Passed);

    [Fact]
    public void A_wrong_activation_derivative_fails_and_names_the_element_of_z()
    {
        var report = GradientCheck.OfActivation(Softsign(z => z > 2 ? 0.0 : 1 / ((1 + Math.Abs(z)) * (1 + Math.Abs(z)))), Z);
        Assert.False(report.Passed);
        Assert.Equal("z[0,2]", report.Worst!.Location.ToString());
        Assert.Contains("worst at z[0,2]", report.ToString());
    }

    [Fact]
    public void A_wrong_loss_gradient_fails()
    {
        var halfOfRight = Loss.Custom("sum_of_squares", (y, t) => y.Zip(t, (a, b) => (a - b) * (a - b)).Span.ToArray().Sum(),
            (y, t) => y.Zip(t, (a, b) => a - b));
        var targets = Tensor.Filled(2, 3, 0.5);
        Assert.False(GradientCheck.OfLoss(halfOfRight, Activation.Identity, Z, targets).Passed);
    }

    [Fact]
    public void A_network_parameter_is_named_by_layer_tensor_and_position()
    {
        Assert.Equal("layer 2 W[1,0]", new ParameterLocation(2, "W", 1, 0).ToString());
        Assert.Equal("layer 1 b[3]", new ParameterLocation(1, "b", 0, 3).ToString());
    }
}
