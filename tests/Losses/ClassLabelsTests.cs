using Functional.NN.Losses;
using Functional.NN.Tensors;
using Xunit;

namespace Functional.NN.Tests.Losses;

/// <summary>One-hot encoding of integer labels and argmax decoding.</summary>
public sealed class ClassLabelsTests
{
    [Fact]
    public void One_hot_puts_a_single_one_in_each_row()
    {
        var oneHot = ClassLabels.OneHot([2, 0, 1, 2], 3).ThrowIfFail();
        Assert.Equal(Tensor.FromRows([[0.0, 0, 1], [1.0, 0, 0], [0.0, 1, 0], [0.0, 0, 1]]).ThrowIfFail(), oneHot);
        Assert.Equal([2, 0, 1, 2], ClassLabels.ArgMax(oneHot));
    }

    [Fact]
    public void One_hot_names_the_index_and_value_of_every_bad_label()
    {
        var message = ClassLabels.OneHot([0, 3, 1, -1], 3).Match(_ => "", e => e.Message);
        Assert.Contains("label at index 1 is 3, outside 0..2", message);
        Assert.Contains("label at index 3 is -1, outside 0..2", message);
        Assert.Equal("one-hot with 3 classes: label at index 1 is 3, outside 0..2; label at index 3 is -1, outside 0..2", message);
        Assert.Contains("at least 1", ClassLabels.OneHot([0], 0).Match(_ => "", e => e.Message));
    }

    [Fact]
    public void Argmax_takes_the_first_of_ties_and_ignores_nan()
    {
        var scores = Tensor.FromRows([[0.2, 0.5, 0.5], [double.NaN, -1.0, -2.0], [3.0, double.NaN, 4.0]]).ThrowIfFail();
        Assert.Equal([1, 1, 2], ClassLabels.ArgMax(scores));
    }
}
