using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Functional.NN.Activations;
using Functional.NN.Losses;
using Functional.NN.Model;
using Functional.NN.Tests.Properties;
using Xunit;

namespace Functional.NN.Tests.Model;

/// <summary><see cref="Network.Create(int, IEnumerable{LayerSpec}, Loss)"/> returns errors that name the layer (from 1) and the problem.</summary>
[Properties(Arbitrary = [typeof(Arbitraries)], MaxTest = 50)]
public sealed class NetworkValidationTests
{
    [Fact]
    public void Zero_units_in_layer_2_is_an_error_naming_layer_2() =>
        ValidationMessage.AssertNames(
            Network.Create(2, Loss.HalfSumSquaredError, (2, Activation.Sigmoid), (0, Activation.Sigmoid)),
            "layer 2", "0 units");

    [Property]
    public Property A_layer_without_units_is_an_error_naming_that_layer(Case c, NonNegativeInt which)
    {
        var layers = c.Network.Layers;
        var k = which.Get % layers.Length;
        var result = Network.Create(c.Network.InputSize, layers.SetItem(k, layers[k] with { Units = 0 }), c.Network.Loss);
        var message = result.Match(_ => "(built)", e => e.Message);
        return message.Contains($"layer {k + 1}: 0 units").Label(message);
    }

    [Fact]
    public void Softmax_before_the_last_layer_is_an_error() =>
        ValidationMessage.AssertNames(
            Network.Create(3, Loss.MeanSquaredError, (4, Activation.Softmax), (2, Activation.Sigmoid)),
            "layer 1", "softmax is only allowed as the output layer");

    [Fact]
    public void Softmax_cross_entropy_without_a_softmax_output_is_an_error() =>
        ValidationMessage.AssertNames(
            Network.Create(3, Loss.SoftmaxCrossEntropy, (4, Activation.Tanh), (2, Activation.Sigmoid)),
            "layer 2 (output)", "softmax_ce needs a softmax output layer, got sigmoid");

    [Fact]
    public void Softmax_cross_entropy_with_a_softmax_output_is_valid() =>
        Assert.True(Network.Create(3, Loss.SoftmaxCrossEntropy, (4, Activation.Tanh), (2, Activation.Softmax)).IsSucc);

    [Fact]
    public void Every_problem_is_reported_at_once() =>
        ValidationMessage.AssertNames(
            Network.Create(0, Loss.SoftmaxCrossEntropy, (4, Activation.Softmax), (-1, Activation.Tanh)),
            "input size must be at least 1, got 0", "layer 1: softmax", "layer 2: -1 units", "softmax_ce needs a softmax output layer, got tanh");

    [Fact]
    public void A_network_without_layers_is_an_error() =>
        ValidationMessage.AssertNames(Network.Create(2, [], Loss.HalfSumSquaredError), "at least one layer");
}
