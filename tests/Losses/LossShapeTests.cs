using Functional.NN.Activations;
using Functional.NN.Losses;
using Functional.NN.Model;
using Functional.NN.Passes;
using Functional.NN.Tensors;
using Xunit;

namespace Functional.NN.Tests.Losses;

/// <summary>
/// Every loss refuses targets of another shape than its outputs (or logits), in its value and in its
/// gradient, naming the operation and both shapes; a custom loss whose gradient comes back in another shape
/// than the outputs is refused before it reaches the backward pass; bce refuses an output layer that is not
/// a sigmoid.
/// </summary>
public sealed class LossShapeTests
{
    private static readonly Tensor Outputs = Tensor.FromRows([[0.25, 0.75]]).ThrowIfFail();
    private static readonly Tensor Wider = Tensor.FromRows([[0.0, 1.0, 0.0]]).ThrowIfFail();
    private const string Shapes = "shapes differ, [1 x 2] and [1 x 3]";

    public static TheoryData<string, Action, string> Mismatches() => new()
    {
        { "half_sse value", () => ((OutputLoss)Loss.HalfSumSquaredError).Value(Outputs, Wider), "half_sse: " + Shapes },
        { "half_sse gradient", () => ((OutputLoss)Loss.HalfSumSquaredError).Gradient(Outputs, Wider), "Zip: " + Shapes },
        { "mse value", () => ((OutputLoss)Loss.MeanSquaredError).Value(Outputs, Wider), "mse: " + Shapes },
        { "mse gradient", () => ((OutputLoss)Loss.MeanSquaredError).Gradient(Outputs, Wider), "Zip: " + Shapes },
        { "softmax_ce value", () => Loss.SoftmaxCrossEntropy.Value(Outputs, Outputs, Wider), "softmax_ce: " + Shapes },
        { "softmax_ce delta", () => Loss.SoftmaxCrossEntropy.OutputDelta(Activation.Softmax, Outputs, Outputs, Wider), "Zip: " + Shapes },
        { "bce value from logits", () => Loss.BinaryCrossEntropy.Value(Outputs, Outputs, Wider), "bce: " + Shapes },
        { "bce value on outputs", () => ((BinaryCrossEntropy)Loss.BinaryCrossEntropy).Value(Outputs, Wider), "bce: " + Shapes },
        { "bce gradient on outputs", () => ((BinaryCrossEntropy)Loss.BinaryCrossEntropy).Gradient(Outputs, Wider), "Zip: " + Shapes },
        { "bce delta", () => Loss.BinaryCrossEntropy.OutputDelta(Activation.Sigmoid, Outputs, Outputs, Wider), "Zip: " + Shapes },
        { "bce_logits value", () => Loss.BinaryCrossEntropyWithLogits.Value(Outputs, Outputs, Wider), "bce_logits: " + Shapes },
        { "bce_logits delta", () => Loss.BinaryCrossEntropyWithLogits.OutputDelta(Activation.Identity, Outputs, Outputs, Wider), "Zip: " + Shapes },
    };

    [Theory, MemberData(nameof(Mismatches))]
    public void Every_loss_refuses_targets_of_another_shape(string what, Action evaluate, string message)
    {
        var error = Assert.Throws<ArgumentException>(evaluate);
        Assert.True(error.Message == message, $"{what}: {error.Message}");
    }

    [Fact]
    public void A_custom_loss_whose_gradient_has_another_shape_is_refused_naming_it()
    {
        var wrong = Loss.Custom("huber", (a, t) => 0.0, (a, t) => Tensor.Zeros(1, 1));
        var network = Network.Create(2, wrong, (2, Activation.Tanh)).ThrowIfFail();
        var batch = Batch.Create(network, [[0.5, -0.5]], [[0.0, 1.0]]).ThrowIfFail();
        var error = Assert.Throws<ArgumentException>(() => Backpropagation.ValueAndGradient(network, Parameters.Zeros(network), batch));
        Assert.Equal("huber gradient: shapes differ, [1 x 2] and [1 x 1]", error.Message);
    }

    [Fact]
    public void A_custom_loss_of_the_right_shape_starts_the_backward_pass_with_its_gradient_times_f_prime()
    {
        var doubled = Loss.Custom("doubled", (a, t) => 0.0, (a, t) => a.Zip(t, (y, target) => 2 * (y - target)));
        var network = Network.Create(1, doubled, (2, Activation.Tanh)).ThrowIfFail();
        var parameters = Parameters.Create(network, new (double[][], double[])[] { ([[1.0], [0.0]], [0.0, 0.5]) }).ThrowIfFail();
        var batch = Batch.Create(network, [[0.5]], [[0.0, 1.0]]).ThrowIfFail();
        var gradients = Backpropagation.Gradient(network, parameters, batch);
        var (a0, a1) = (Math.Tanh(0.5), Math.Tanh(0.5));
        Assert.Equal(2 * (a0 - 0.0) * (1 - a0 * a0), gradients[0].Bias[0, 0], 15);
        Assert.Equal(2 * (a1 - 1.0) * (1 - a1 * a1), gradients[0].Bias[0, 1], 15);
    }

    [Fact]
    public void Bce_refuses_an_output_layer_that_is_not_a_sigmoid()
    {
        var error = Assert.Throws<ArgumentException>(() => Loss.BinaryCrossEntropy.OutputDelta(Activation.Identity, Outputs, Outputs, Outputs));
        Assert.Equal("outputActivation", error.ParamName);
        Assert.StartsWith("bce needs a sigmoid output layer (its outputs are probabilities), got identity; for a linear output layer use bce_logits", error.Message);
        Assert.Equal("bce_logits needs an identity output layer (its outputs are logits), got sigmoid; for a sigmoid output layer use bce",
            Loss.BinaryCrossEntropyWithLogits.IncompatibilityWith(Activation.Sigmoid));
        Assert.Equal("softmax_ce needs a softmax output layer, got tanh", Loss.SoftmaxCrossEntropy.IncompatibilityWith(Activation.Tanh));
        Assert.Null(Loss.HalfSumSquaredError.IncompatibilityWith(Activation.Softmax));
    }
}
