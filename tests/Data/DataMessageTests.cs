using Functional.NN.Activations;
using Functional.NN.Data;
using Functional.NN.Losses;
using Functional.NN.Model;
using Functional.NN.Tensors;
using Xunit;

namespace Functional.NN.Tests.Data;

/// <summary>
/// Every refusal of the data helpers says what was wrong with the numbers it was given: accuracy, mini-batch counts,
/// confusion matrices, datasets and subsets, standardizers. Whole messages where they are short.
/// </summary>
public sealed class DataMessageTests
{
    private static string Error<T>(LanguageExt.Fin<T> result) => result.Match(v => $"(built {v})", e => e.Message);

    private static Tensor T(params double[][] rows) => Tensor.FromRows(rows).ThrowIfFail();

    [Fact]
    public void Accuracy_names_a_feature_count_or_parameters_that_do_not_fit()
    {
        var network = Network.Create(2, Loss.MeanSquaredError, (1, Activation.Sigmoid)).ThrowIfFail();
        var parameters = Parameters.Zeros(network);
        var threeFeatures = Dataset.Create([[1.0, 2.0, 3.0]], [[1.0]]).ThrowIfFail();
        Assert.Equal("accuracy: the network expects 2 features, got 3", Error(Accuracy.Of(network, parameters, threeFeatures)));
        var other = Parameters.Zeros(Network.Create(2, Loss.MeanSquaredError, (2, Activation.Sigmoid)).ThrowIfFail());
        var twoFeatures = Dataset.Create([[1.0, 2.0]], [[1.0]]).ThrowIfFail();
        Assert.Equal("accuracy: parameters W[2 x 2] b[1 x 2] do not fit network 2-1 sigmoid mse",
            Error(Accuracy.Of(network, other, twoFeatures)));
        Assert.Equal(1.0, Accuracy.Of(network, parameters, twoFeatures).ThrowIfFail());
    }

    [Fact]
    public void Accuracy_of_no_outputs_or_of_shapes_that_differ_is_refused()
    {
        Assert.Equal("accuracy: no outputs to score", Error(Accuracy.Of(Tensor.Zeros(0, 3), Tensor.Zeros(0, 3))));
        Assert.Equal("accuracy: no outputs to score", Error(Accuracy.OfThreshold(Tensor.Zeros(0, 1), Tensor.Zeros(0, 1))));
        Assert.Equal("accuracy: outputs [2 x 1] and targets [1 x 1] differ in shape", Error(Accuracy.Of(T([0.2], [0.3]), T([1.0]))));
    }

    [Fact]
    public void A_target_of_exactly_one_half_counts_as_the_positive_class()
    {
        Assert.Equal(1.0, Accuracy.OfThreshold(T([0.5], [0.7]), T([0.5], [0.5])).ThrowIfFail());
        Assert.Equal(0.5, Accuracy.OfThreshold(T([0.49], [0.7]), T([0.5], [0.5])).ThrowIfFail());
        Assert.Equal(0.0, Accuracy.OfThreshold(T([0.7]), T([0.49])).ThrowIfFail());
    }

    [Fact]
    public void Accuracy_of_a_single_probability_output_is_thresholded_at_one_half()
    {
        var network = Network.Create(1, Loss.BinaryCrossEntropy, (1, Activation.Sigmoid)).ThrowIfFail();
        Assert.Equal(0.5, Accuracy.OfOutputs(network, T([0.3], [0.6]), T([1.0], [1.0])).ThrowIfFail());
        var logits = Network.Create(1, Loss.BinaryCrossEntropyWithLogits, (1, Activation.Identity)).ThrowIfFail();
        Assert.Equal(1.0, Accuracy.OfOutputs(logits, T([0.3], [0.6]), T([1.0], [1.0])).ThrowIfFail());
        var twoClasses = Network.Create(1, Loss.MeanSquaredError, (2, Activation.Identity)).ThrowIfFail();
        Assert.Equal(0.5, Accuracy.OfOutputs(twoClasses, T([0.1, 0.3], [-0.6, -0.7]), T([0.0, 1.0], [0.0, 1.0])).ThrowIfFail());
    }

    [Fact]
    public void Mini_batch_counts_keep_or_drop_the_partial_batch_and_refuse_what_makes_none()
    {
        Assert.Equal(3, MiniBatches.Count(10, 4, PartialBatch.Keep).ThrowIfFail());
        Assert.Equal(2, MiniBatches.Count(10, 4, PartialBatch.Drop).ThrowIfFail());
        Assert.Equal(2, MiniBatches.Count(8, 4, PartialBatch.Keep).ThrowIfFail());
        Assert.Equal(1, MiniBatches.Count(3, 4, PartialBatch.Keep).ThrowIfFail());
        Assert.Equal("mini-batches: the batch size must be at least 1, got 0", Error(MiniBatches.Count(10, 0, PartialBatch.Keep)));
        Assert.Equal("mini-batches: 3 examples make no full batch of 4, and the partial batch is dropped",
            Error(MiniBatches.Count(3, 4, PartialBatch.Drop)));
        Assert.Equal("mini-batches: the batch size must be at least 1, got -2", Error(MiniBatches.Of(IndexedData.Of(3), -2, PartialBatch.Keep)));
    }

    [Fact]
    public void Mini_batches_are_consecutive_rows_with_a_short_last_one()
    {
        var batches = MiniBatches.Of(IndexedData.Of(5), 2, PartialBatch.Keep).ThrowIfFail();
        Assert.Equal([[0, 1], [2, 3], [4]], batches.Select(IndexedData.Indices).ToArray());
        var dropped = MiniBatches.Of(IndexedData.Of(5), 2, PartialBatch.Drop).ThrowIfFail();
        Assert.Equal([[0, 1], [2, 3]], dropped.Select(IndexedData.Indices).ToArray());
    }

    [Fact]
    public void A_confusion_matrix_names_its_bad_class_counts_and_classes()
    {
        Assert.Equal("confusion matrix: the number of classes must be at least 1, got 0", Error(ConfusionMatrix.Of([], [], 0)));
        Assert.Equal("confusion matrix: actual class at position 1 is 2, outside 0..1", Error(ConfusionMatrix.Of([0, 2], [0, 0], 2)));
        Assert.Equal("confusion matrix: predicted class at position 0 is -1, outside 0..1", Error(ConfusionMatrix.Of([0], [-1], 2)));
        Assert.Equal("confusion matrix: 2 actual classes but 1 predicted classes", Error(ConfusionMatrix.Of([0, 1], [0], 2)));
        Assert.Equal(1, ConfusionMatrix.Of([0], [0], 1).ThrowIfFail().Total);
    }

    [Fact]
    public void Confusion_matrices_count_rows_and_compare_by_their_counts()
    {
        var matrix = ConfusionMatrix.Of([0, 1, 1, 1], [1, 1, 0, 1], 2).ThrowIfFail();
        Assert.Equal((1, 3, 2, 4), (matrix.ActualCount(0), matrix.ActualCount(1), matrix.Correct, matrix.Total));
        Assert.Equal((0, 1, 1, 2), (matrix[0, 0], matrix[0, 1], matrix[1, 0], matrix[1, 1]));
        var same = ConfusionMatrix.Of([1, 1, 0, 1], [1, 0, 1, 1], 2).ThrowIfFail();
        Assert.Equal(matrix, same);
        Assert.Equal(matrix.GetHashCode(), same.GetHashCode());
        Assert.NotEqual(matrix, ConfusionMatrix.Of([0, 1, 1, 1], [0, 1, 0, 1], 2).ThrowIfFail());
        Assert.NotEqual(matrix, ConfusionMatrix.Of([0, 1, 1, 1], [1, 1, 0, 1], 3).ThrowIfFail());
        Assert.False(matrix.Equals(null));
    }

    [Fact]
    public void A_dataset_without_columns_or_rows_is_named()
    {
        Assert.Equal("features: need at least one column, got 0", Error(Dataset.Create(Tensor.Zeros(2, 0), Tensor.Zeros(2, 1))));
        Assert.Equal("targets: need at least one column, got 0", Error(Dataset.Create(Tensor.Zeros(2, 1), Tensor.Zeros(2, 0))));
        Assert.Equal("subset: a dataset needs at least one example, got no rows", Error(IndexedData.Of(3).Subset([])));
        Assert.Equal("subset of 3 examples (rows 0..2): position 0 is row -1; position 2 is row 3",
            Error(IndexedData.Of(3).Subset([-1, 2, 3])));
        Assert.Equal("features: row 1 has 1 numbers, but row 0 has 2", Error(Dataset.Create([[1.0, 2.0], [3.0]], [[0.0], [1.0]])));
        Assert.Equal("targets: row 1 has 1 numbers, but row 0 has 2", Error(Dataset.Create([[1.0], [3.0]], [[0.0, 1.0], [1.0]])));
    }

    [Fact]
    public void A_standardizer_lists_at_most_five_bad_features_counted_from_one()
    {
        var mean = Tensor.Build(1, 7, (_, c) => c == 0 ? 0.0 : double.NaN);
        Assert.Equal("standardizer: mean is not finite at feature(s) 2, 3, 4, 5, 6, ...", Error(Standardizer.Create(mean, Tensor.Filled(1, 7, 1.0))));
        var scale = Tensor.Build(1, 7, (_, c) => c < 2 ? 0.0 : 1.0);
        Assert.Equal("standardizer: scale must be finite and positive, it is not at feature(s) 1, 2",
            Error(Standardizer.Create(Tensor.Zeros(1, 7), scale)));
        var five = Tensor.Build(1, 5, (_, _) => double.PositiveInfinity);
        Assert.Equal("standardizer: mean is not finite at feature(s) 1, 2, 3, 4, 5", Error(Standardizer.Create(five, Tensor.Filled(1, 5, 1.0))));
    }

    [Fact]
    public void A_standardizer_fitted_on_no_rows_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => Standardizer.Fit(FeatureRows.Of(Tensor.Zeros(2, 2)), []));
        Assert.StartsWith("a standardizer needs at least one row to fit", e.Message);
    }
}
