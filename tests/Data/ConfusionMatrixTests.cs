using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Functional.NN.Activations;
using Functional.NN.Data;
using Functional.NN.Initialization;
using Functional.NN.Losses;
using Functional.NN.Model;
using Functional.NN.Randomness;
using Functional.NN.Tensors;
using LanguageExt;
using Xunit;

namespace Functional.NN.Tests.Data;

/// <summary>Confusion matrices and predicted classes: counts, errors, and agreement with <see cref="Accuracy"/>.</summary>
public sealed class ConfusionMatrixTests
{
    [Fact]
    public void Counts_pairs_of_actual_and_predicted_classes()
    {
        var matrix = ConfusionMatrix.Of([0, 0, 1, 2, 2, 2], [0, 1, 1, 2, 0, 2], 3).ThrowIfFail();
        Assert.Equal(1, matrix[0, 0]);
        Assert.Equal(1, matrix[0, 1]);
        Assert.Equal(1, matrix[1, 1]);
        Assert.Equal(1, matrix[2, 0]);
        Assert.Equal(2, matrix[2, 2]);
        Assert.Equal(6, matrix.Total);
        Assert.Equal(4, matrix.Correct);
        Assert.Equal(3, matrix.ActualCount(2));
    }

    [Fact]
    public void Rejects_lists_of_different_lengths_and_classes_out_of_range()
    {
        Assert.Contains("2 actual classes but 1 predicted", ConfusionMatrix.Of([0, 1], [0], 2).Match(_ => "", e => e.Message));
        Assert.Contains("predicted class at position 1 is 2, outside 0..1", ConfusionMatrix.Of([0, 1], [0, 2], 2).Match(_ => "", e => e.Message));
        Assert.Contains("actual class at position 0 is -1", ConfusionMatrix.Of([-1], [0], 2).Match(_ => "", e => e.Message));
    }

    [Fact]
    public void A_single_logit_output_is_thresholded_at_zero_and_a_probability_at_one_half()
    {
        var logits = Network.Create(1, Loss.BinaryCrossEntropyWithLogits, (1, Activation.Identity)).ThrowIfFail();
        var probabilities = Network.Create(1, Loss.BinaryCrossEntropy, (1, Activation.Sigmoid)).ThrowIfFail();
        var outputs = Tensor.FromRows([[-0.1], [0.0], [0.3], [0.5]]).ThrowIfFail();
        Assert.Equal([0, 1, 1, 1], PredictedClasses.Of(logits, outputs));
        Assert.Equal([0, 0, 0, 1], PredictedClasses.Of(probabilities, outputs));
        Assert.Equal([0, 0, 0, 1], PredictedClasses.OfTargets(outputs));
    }

    [Property(MaxTest = 50)]
    public Property The_diagonal_over_the_total_is_the_accuracy_Core_reports(ulong seed, bool singleOutput, bool logits)
    {
        var network = singleOutput
            ? Network.Create(3, logits ? Loss.BinaryCrossEntropyWithLogits : Loss.BinaryCrossEntropy,
                (4, Activation.Tanh), (1, logits ? Activation.Identity : Activation.Sigmoid)).ThrowIfFail()
            : Network.Create(3, Loss.SoftmaxCrossEntropy, (4, Activation.Tanh), (3, Activation.Softmax)).ThrowIfFail();
        var key = RandomKey.FromSeed(seed);
        var parameters = Initializer.XavierNormal.Initialize(network, key.Fold(0));
        var features = Tensor.Build(12, 3, (r, c) => key.Fold(1).Normal(r * 3 + c));
        var classes = Enumerable.Range(0, 12).Select(r => key.Fold(2).Below(r, singleOutput ? 2 : 3)).ToArray();
        var targets = singleOutput
            ? Tensor.Build(12, 1, (r, _) => classes[r])
            : ClassLabels.OneHot(classes, 3).ThrowIfFail();
        var data = Dataset.Create(features, targets).ThrowIfFail();

        var predicted = PredictedClasses.Of(network, global::Functional.NN.Passes.ForwardPass.Predict(network, parameters, features));
        var matrix = ConfusionMatrix.Of(PredictedClasses.OfTargets(targets), predicted, singleOutput ? 2 : 3).ThrowIfFail();

        return (matrix.Correct / 12.0 == Accuracy.Of(network, parameters, data).ThrowIfFail()).Label($"seed {seed}");
    }
}
