using Functional.NN.Activations;
using Functional.NN.Data;
using Functional.NN.Losses;
using Functional.NN.Model;
using Functional.NN.Randomness;
using Functional.NN.Tensors;
using Xunit;

namespace Functional.NN.Tests.Data;

/// <summary>Dataset validation, subsets, and the seeded train/validation split.</summary>
public sealed class DatasetTests
{
    private static string Error<T>(LanguageExt.Fin<T> result) => result.Match(_ => "", e => e.Message);

    [Fact]
    public void Create_names_the_row_and_column_of_bad_numbers_and_shape_problems()
    {
        var nan = Error(Dataset.Create([[1.0, 2.0], [3.0, double.NaN]], [[0.0], [1.0]]));
        Assert.Contains("features: row 1, column 1 is not a finite number", nan);
        var inf = Error(Dataset.Create([[1.0], [2.0]], [[double.PositiveInfinity], [1.0]]));
        Assert.Contains("targets: row 0, column 0 is not a finite number", inf);
        Assert.Contains("targets: 1 rows for 2 feature rows", Error(Dataset.Create([[1.0], [2.0]], [[0.0]])));
        Assert.Contains("features: row 1 has 1 numbers", Error(Dataset.Create([[1.0, 2.0], [3.0]], [[0.0], [1.0]])));
        Assert.Contains("at least one example", Error(Dataset.Create(Tensor.Zeros(0, 2), Tensor.Zeros(0, 1))));
    }

    [Fact]
    public void Subset_takes_rows_in_order_and_names_bad_indices()
    {
        var data = IndexedData.Of(5);
        Assert.Equal([4, 1, 1], IndexedData.Indices(data.Subset([4, 1, 1]).ThrowIfFail()));
        Assert.Equal([0, 4, 0], IndexedData.Indices(data.Subset([0, 4, 0]).ThrowIfFail()));
        Assert.Contains("position 1 is row 5", Error(data.Subset([0, 5])));
    }

    [Fact]
    public void Dataset_becomes_a_batch_for_a_fitting_network()
    {
        var data = IndexedData.Of(3);
        var fits = Network.Create(2, Loss.MeanSquaredError, (1, Activation.Identity)).ThrowIfFail();
        var wrong = Network.Create(3, Loss.MeanSquaredError, (1, Activation.Identity)).ThrowIfFail();
        Assert.Equal(3, data.ToBatch(fits).ThrowIfFail().Size);
        Assert.Contains("expects 3 features, got 2", Error(data.ToBatch(wrong)));
    }

    [Theory]
    [InlineData(10, 0.2, 2)]
    [InlineData(10, 0.25, 3)]
    [InlineData(7, 0.5, 4)]
    [InlineData(100, 0.1, 10)]
    public void Split_is_a_seeded_partition(int count, double fraction, int validationCount)
    {
        var data = IndexedData.Of(count);
        var split = DataSplit.Create(data, fraction, RandomKey.FromSeed(3)).ThrowIfFail();
        var training = IndexedData.Indices(split.Training);
        var validation = IndexedData.Indices(split.Validation);
        Assert.Equal(validationCount, validation.Length);
        Assert.Equal(Enumerable.Range(0, count), training.Concat(validation).Order());
        Assert.Equal(training.Order(), training);
        Assert.Equal(split, DataSplit.Create(data, fraction, RandomKey.FromSeed(3)).ThrowIfFail());
        Assert.Equal(Sampling.Permutation(RandomKey.FromSeed(3), count).Take(validationCount).Order(), validation);
    }

    /// <summary>python3, with the functions of RandomKeyTests: sorted(permutation(5, 51)[:10]).</summary>
    [Fact]
    public void Split_matches_the_python_reference()
    {
        var split = DataSplit.Create(IndexedData.Of(51), 0.2, RandomKey.FromSeed(5)).ThrowIfFail();
        Assert.Equal([9, 12, 13, 26, 27, 36, 43, 46, 49, 50], IndexedData.Indices(split.Validation));
    }

    [Fact]
    public void Split_rejects_fractions_that_leave_a_part_empty()
    {
        Assert.Contains("strictly between 0 and 1, got 1", Error(DataSplit.Create(IndexedData.Of(10), 1.0, default)));
        Assert.Contains("strictly between 0 and 1, got 0", Error(DataSplit.Create(IndexedData.Of(10), 0.0, default)));
        Assert.Contains("gives 0 for validation and 3 for training", Error(DataSplit.Create(IndexedData.Of(3), 0.1, default)));
        Assert.Contains("gives 1 for validation and 0 for training", Error(DataSplit.Create(IndexedData.Of(1), 0.5, default)));
    }
}
