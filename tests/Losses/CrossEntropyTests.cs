using Functional.NN.Activations;
using Functional.NN.Losses;
using Functional.NN.Model;
using Functional.NN.Tensors;
using Xunit;

namespace Functional.NN.Tests.Losses;

/// <summary>Binary and softmax cross-entropy at chosen points, their compatibility rules, and the loss catalog.</summary>
public sealed class CrossEntropyTests
{
    // References from mpmath at 50 digits: y = 1/(1+exp(-z)); -(t*log(y) + (1-t)*log(1-y)).
    // For (1000, 0) the exact value is 1000 + log1p(e^-1000), which is 1000 in double precision.
    [Theory]
    [InlineData(1000.0, 0.0, 1000.0)]
    [InlineData(-1000.0, 1.0, 1000.0)]
    [InlineData(40.0, 1.0, 4.248354255291589e-18)]
    [InlineData(-40.0, 0.0, 4.248354255291589e-18)]
    [InlineData(3.0, 0.25, 2.298587351573742)]
    [InlineData(-2.0, 1.0, 2.1269280110429727)]
    public void Bce_of_one_logit_matches_the_50_digit_reference(double z, double t, double expected)
    {
        var logits = Tensor.FromRows([[z]]).ThrowIfFail();
        var targets = Tensor.FromRows([[t]]).ThrowIfFail();
        foreach (var (loss, output) in new[] { (Loss.BinaryCrossEntropy, Activation.Sigmoid), (Loss.BinaryCrossEntropyWithLogits, Activation.Identity) })
        {
            var value = loss.Value(logits, output.Apply(logits), targets);
            Assert.True(Math.Abs(value - expected) <= 1e-14 * expected, $"{loss.Name}({z}, {t}) = {value:R}, expected {expected:R}");
        }
    }

    [Fact]
    public void Bce_averages_over_every_element_and_its_delta_is_y_minus_t_over_BK()
    {
        var z = Tensor.FromRows([[0.5, -1.0], [2.0, 0.0]]).ThrowIfFail();
        var t = Tensor.FromRows([[1.0, 0.0], [0.0, 1.0]]).ThrowIfFail();
        var y = Activation.Sigmoid.Apply(z);
        var expected = -(Math.Log(y[0, 0]) + Math.Log(1 - y[0, 1]) + Math.Log(1 - y[1, 0]) + Math.Log(y[1, 1])) / 4;
        Assert.Equal(expected, Loss.BinaryCrossEntropy.Value(z, y, t), 14);
        var delta = Loss.BinaryCrossEntropy.OutputDelta(Activation.Sigmoid, z, y, t);
        for (var r = 0; r < 2; r++)
            for (var c = 0; c < 2; c++)
                Assert.Equal((y[r, c] - t[r, c]) / 4, delta[r, c], 15);
    }

    [Fact]
    public void Softmax_cross_entropy_of_thousand_logits_is_exact()
    {
        var z = Tensor.FromRows([[1000.0, -1000.0, 0.0], [-1000.0, -1000.0, 1000.0]]).ThrowIfFail();
        var t = ClassLabels.OneHot([1, 2], 3).ThrowIfFail();
        var p = Activation.Softmax.Apply(z);
        // Row 0: -log softmax = 2000 + log1p(e^-1000 + e^-2000) = 2000; row 1: log1p(2e^-2000) = 0 in double.
        Assert.Equal(1000.0, Loss.SoftmaxCrossEntropy.Value(z, p, t));
        var delta = Loss.SoftmaxCrossEntropy.OutputDelta(Activation.Softmax, z, p, t);
        Assert.True(delta.IsFinite());
        Assert.Equal(0.5, delta[0, 0]);
        Assert.Equal(-0.5, delta[0, 1]);
    }

    [Fact]
    public void Softmax_cross_entropy_keeps_the_tail_of_a_dominant_class()
    {
        var z = Tensor.FromRows([[40.0, 0.0]]).ThrowIfFail();
        var t = ClassLabels.OneHot([0], 2).ThrowIfFail();
        var value = Loss.SoftmaxCrossEntropy.Value(z, Activation.Softmax.Apply(z), t);
        Assert.True(Math.Abs(value - 4.248354255291589e-18) <= 1e-14 * 4.248354255291589e-18, $"got {value:R}");
    }

    [Fact]
    public void Each_cross_entropy_needs_its_own_output_activation()
    {
        Assert.True(Network.Create(2, Loss.BinaryCrossEntropy, (3, Activation.Tanh), (1, Activation.Sigmoid)).IsSucc);
        Assert.True(Network.Create(2, Loss.BinaryCrossEntropyWithLogits, (3, Activation.Tanh), (1, Activation.Identity)).IsSucc);
        var bce = Network.Create(2, Loss.BinaryCrossEntropy, (1, Activation.Identity)).Match(_ => "", e => e.Message);
        Assert.Contains("bce needs a sigmoid output layer", bce);
        Assert.Contains("bce_logits", bce);
        var logits = Network.Create(2, Loss.BinaryCrossEntropyWithLogits, (1, Activation.Sigmoid)).Match(_ => "", e => e.Message);
        Assert.Contains("bce_logits needs an identity output layer (its outputs are logits), got sigmoid", logits);
        var z = Tensor.FromRows([[0.1]]).ThrowIfFail();
        Assert.Throws<ArgumentException>(() => Loss.BinaryCrossEntropy.OutputDelta(Activation.Tanh, z, z, z));
    }

    [Fact]
    public void Textbook_bce_on_outputs_handles_saturated_outputs()
    {
        var bce = new BinaryCrossEntropy();
        var y = Tensor.FromRows([[1.0, 0.0]]).ThrowIfFail();
        Assert.Equal(0.0, bce.Value(y, Tensor.FromRows([[1.0, 0.0]]).ThrowIfFail()));
        Assert.Equal(double.PositiveInfinity, bce.Value(y, Tensor.FromRows([[0.0, 0.0]]).ThrowIfFail()));
    }

    [Theory]
    [InlineData("half_sse")]
    [InlineData("mse")]
    [InlineData("bce")]
    [InlineData("bce_logits")]
    [InlineData("softmax_ce")]
    public void Catalog_knows_every_loss(string name) => Assert.Equal(name, LossCatalog.FromName(name).ThrowIfFail().Name);
}
