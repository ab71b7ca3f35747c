using System.Collections.Immutable;
using Functional.NN.Activations;
using Functional.NN.Losses;
using Functional.NN.Model;
using Xunit;

namespace Functional.NN.Tests.Model;

/// <summary>
/// What a <see cref="Network"/> says about itself: sizes, the inputs of each layer, its text, equality and hash,
/// and the messages of the construction paths the other validation tests leave out.
/// </summary>
public sealed class NetworkDescriptionTests
{
    private static readonly Network ThreeLayers = Network.Create(
        4, Loss.SoftmaxCrossEntropy, (3, Activation.Tanh), (5, Activation.Relu), (2, Activation.Softmax)).ThrowIfFail();

    [Fact]
    public void Sizes_and_the_inputs_of_each_layer_follow_the_layers()
    {
        Assert.Equal([4, 3, 5, 2], ThreeLayers.LayerSizes.ToArray());
        Assert.Equal(4, ThreeLayers.InputsOf(0));
        Assert.Equal(3, ThreeLayers.InputsOf(1));
        Assert.Equal(5, ThreeLayers.InputsOf(2));
        Assert.Equal(2, ThreeLayers.OutputSize);
        Assert.Same(Activation.Softmax, ThreeLayers.OutputActivation);
    }

    [Fact]
    public void The_text_gives_sizes_activations_and_loss() =>
        Assert.Equal("4-3-5-2 tanh,relu,softmax softmax_ce", ThreeLayers.ToString());

    [Fact]
    public void Networks_are_equal_when_sizes_activations_and_loss_are()
    {
        var same = Network.Create(4, Loss.SoftmaxCrossEntropy, (3, Activation.Tanh), (5, Activation.Relu), (2, Activation.Softmax)).ThrowIfFail();
        Assert.Equal(ThreeLayers, same);
        Assert.Equal(ThreeLayers.GetHashCode(), same.GetHashCode());
        Assert.NotEqual(ThreeLayers, Network.Create(
            3, Loss.SoftmaxCrossEntropy, (3, Activation.Tanh), (5, Activation.Relu), (2, Activation.Softmax)).ThrowIfFail());
        Assert.NotEqual(ThreeLayers, Network.Create(
            4, Loss.SoftmaxCrossEntropy, (3, Activation.Sigmoid), (5, Activation.Relu), (2, Activation.Softmax)).ThrowIfFail());
        Assert.NotEqual(ThreeLayers, Network.Create(
            4, Loss.MeanSquaredError, (3, Activation.Tanh), (5, Activation.Relu), (2, Activation.Softmax)).ThrowIfFail());
        Assert.False(ThreeLayers.Equals(null));
    }

    [Fact]
    public void A_missing_layer_a_missing_activation_and_a_missing_loss_are_named()
    {
        var layers = ImmutableArray.Create(new LayerSpec(2, Activation.Sigmoid), null!, new LayerSpec(2, null!));
        ValidationMessage.AssertNames(Network.Create(2, layers, null!), "layer 2: missing", "layer 3: no activation", "no loss given");
    }

    [Fact]
    public void A_valid_network_has_no_message_from_its_loss_check() =>
        Assert.True(Network.Create(1, Loss.HalfSumSquaredError, (1, Activation.Identity)).IsSucc);

    [Fact]
    public void One_input_and_one_unit_are_enough_and_zero_inputs_are_not()
    {
        Assert.True(Network.Create(1, Loss.MeanSquaredError, (1, Activation.Sigmoid)).IsSucc);
        ValidationMessage.AssertNames(Network.Create(0, Loss.MeanSquaredError, (1, Activation.Sigmoid)),
            "input size must be at least 1, got 0");
        Assert.Equal("input size must be at least 1, got 0",
            ValidationMessage.Of(Network.Create(0, Loss.MeanSquaredError, (1, Activation.Sigmoid))));
    }

    [Fact]
    public void The_whole_messages_of_a_bad_layer_and_of_an_empty_network()
    {
        Assert.Equal("layer 2: 0 units, needs at least 1",
            ValidationMessage.Of(Network.Create(2, Loss.MeanSquaredError, (2, Activation.Sigmoid), (0, Activation.Sigmoid))));
        Assert.Equal("a network needs at least one layer, got none",
            ValidationMessage.Of(Network.Create(2, [], Loss.HalfSumSquaredError)));
        Assert.Equal("layer 1: softmax is only allowed as the output layer",
            ValidationMessage.Of(Network.Create(3, Loss.MeanSquaredError, (4, Activation.Softmax), (2, Activation.Sigmoid))));
    }
}
