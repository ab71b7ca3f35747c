using Functional.NN.Activations;
using Functional.NN.Experiments.Data;
using Functional.NN.Experiments.DataSources;
using Functional.NN.Losses;
using Functional.NN.Model;
using Functional.NN.Tensors;
using LanguageExt;
using Xunit;

namespace Functional.NN.Tests.App.Evaluation;

/// <summary>Fitting a data set to a network: targets shaped for it, mismatches naming both numbers.</summary>
public sealed class DatasetFitTests
{
    private static LoadedDataset ThreeClasses { get; } = new(
        "abc",
        Tensor.FromRows([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]).ThrowIfFail(),
        Tensor.FromRows([[1.0, 0, 0], [0, 1.0, 0], [0, 0, 1.0]]).ThrowIfFail(),
        3,
        "hash") { ClassLabels = ["a", "b", "c"] };

    private static LoadedDataset TwoClasses { get; } = ThreeClasses with
    {
        Targets = Tensor.FromRows([[1.0, 0], [0, 1.0], [0, 1.0]]).ThrowIfFail(),
        Classes = 2,
        ClassLabels = ["no", "yes"],
    };

    [Fact]
    public void A_network_with_one_output_per_class_gets_the_one_hot_targets()
    {
        var network = Network.Create(2, Loss.SoftmaxCrossEntropy, (3, Activation.Softmax)).ThrowIfFail();
        var fitted = FinAssert.Succeeds(DatasetFit.ToNetwork(ThreeClasses, network));
        Assert.Equal(ThreeClasses.Targets, fitted.Examples.Targets);
        Assert.Equal(new[] { "a", "b", "c" }, fitted.ClassNames(3).ToArray());
    }

    [Fact]
    public void A_single_output_gets_the_indicator_of_the_second_class()
    {
        var network = Network.Create(2, Loss.BinaryCrossEntropy, (1, Activation.Sigmoid)).ThrowIfFail();
        var fitted = FinAssert.Succeeds(DatasetFit.ToNetwork(TwoClasses, network));
        Assert.Equal(Tensor.FromRows([[0.0], [1.0], [1.0]]).ThrowIfFail(), fitted.Examples.Targets);
        Assert.Equal(new[] { "no", "yes" }, fitted.ClassNames(1).ToArray());
    }

    [Fact]
    public void Mismatches_name_both_numbers()
    {
        var wide = Network.Create(4, Loss.SoftmaxCrossEntropy, (2, Activation.Softmax)).ThrowIfFail();
        FinAssert.FailsWith(DatasetFit.ToNetwork(ThreeClasses, wide),
            "the data does not fit the model 4-2 softmax softmax_ce",
            "the model expects 4 input features, the data set 'abc' has 2",
            "the model has 2 outputs, the data set 'abc' has 3 classes");
        var single = Network.Create(2, Loss.BinaryCrossEntropy, (1, Activation.Sigmoid)).ThrowIfFail();
        FinAssert.FailsWith(DatasetFit.ToNetwork(ThreeClasses, single), "the model has 1 outputs, the data set 'abc' has 3 classes");
        var regression = ThreeClasses with { Targets = Tensor.FromRows([[1.0], [2.0], [3.0]]).ThrowIfFail(), Classes = 0, ClassLabels = [] };
        FinAssert.FailsWith(DatasetFit.ToNetwork(regression, wide), "the model has 2 outputs, the regression data set 'abc' has 1 target column");
    }
}
