using Functional.NN.Activations;
using Functional.NN.Data;
using Functional.NN.Losses;
using Functional.NN.Model;
using Functional.NN.Tensors;
using Xunit;

namespace Functional.NN.Tests.Data;

/// <summary>Classification accuracy by argmax and by threshold.</summary>
public sealed class AccuracyTests
{
    private static Tensor T(double[][] rows) => Tensor.FromRows(rows).ThrowIfFail();

    [Fact]
    public void Argmax_accuracy_for_several_classes()
    {
        var outputs = T([[0.1, 0.7, 0.2], [0.5, 0.3, 0.2], [0.2, 0.2, 0.6], [0.4, 0.4, 0.2]]);
        var targets = ClassLabels.OneHot([1, 2, 2, 0], 3).ThrowIfFail();
        Assert.Equal(0.75, Accuracy.Of(outputs, targets).ThrowIfFail());
        Assert.Equal(0.75, Accuracy.OfClasses(outputs, targets).ThrowIfFail());
    }

    [Fact]
    public void Threshold_accuracy_for_one_sigmoid_output()
    {
        var outputs = T([[0.9], [0.5], [0.49], [0.1]]);
        var targets = T([[1.0], [0.0], [0.0], [1.0]]);
        Assert.Equal(0.5, Accuracy.Of(outputs, targets).ThrowIfFail());
        Assert.Equal(0.75, Accuracy.OfThreshold(outputs, targets, 0.6).ThrowIfFail());
    }

    [Fact]
    public void Mismatched_shapes_are_an_error()
    {
        var message = Accuracy.Of(T([[0.1, 0.9]]), T([[1.0]])).Match(_ => "", e => e.Message);
        Assert.Contains("outputs [1 x 2] and targets [1 x 1] differ in shape", message);
    }

    [Fact]
    public void A_logit_output_is_thresholded_at_zero()
    {
        var network = Network.Create(1, Loss.BinaryCrossEntropyWithLogits, (1, Activation.Identity)).ThrowIfFail();
        var parameters = Parameters.Create(network, [(new[] { new[] { 1.0 } }, new[] { 0.0 })]).ThrowIfFail();
        var data = Dataset.Create([[-2.0], [-0.2], [0.3], [4.0]], [[0.0], [0.0], [1.0], [0.0]]).ThrowIfFail();
        Assert.Equal(0.75, Accuracy.Of(network, parameters, data).ThrowIfFail());
        var sigmoid = Network.Create(1, Loss.BinaryCrossEntropy, (1, Activation.Sigmoid)).ThrowIfFail();
        Assert.Equal(0.75, Accuracy.Of(sigmoid, parameters, data).ThrowIfFail());
    }

    /// <summary>
    /// Only a single <c>bce_logits</c> output is thresholded at 0; with several logit outputs the accuracy is that of the
    /// largest output's column, as for any other network of several outputs.
    /// </summary>
    [Fact]
    public void Several_logit_outputs_are_scored_by_their_largest_column()
    {
        var network = Network.Create(1, Loss.BinaryCrossEntropyWithLogits, (2, Activation.Identity)).ThrowIfFail();
        var outputs = T([[-0.3, -0.1], [0.4, 0.2]]);
        var targets = T([[0.0, 1.0], [1.0, 0.0]]);
        Assert.Equal(1.0, Accuracy.OfOutputs(network, outputs, targets).ThrowIfFail());
        Assert.Equal(0.5, Accuracy.OfThreshold(outputs, targets, 0.0).ThrowIfFail());
        var parameters = Parameters.Create(network, [(new[] { new[] { -0.3 }, new[] { -0.1 } }, new[] { 0.0, 0.0 })]).ThrowIfFail();
        var data = Dataset.Create([[1.0]], [[0.0, 1.0]]).ThrowIfFail();
        Assert.Equal(1.0, Accuracy.Of(network, parameters, data).ThrowIfFail());
    }
}
