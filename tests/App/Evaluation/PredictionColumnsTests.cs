using Functional.NN.Activations;
using Functional.NN.Experiments.Data.Idx;
using Functional.NN.Experiments.DataSources;
using Functional.NN.Experiments.Evaluation;
using Functional.NN.Initialization;
using Functional.NN.Losses;
using Functional.NN.Model;
using Functional.NN.Randomness;
using Functional.NN.Tests.App.Data;
using LanguageExt;
using Xunit;

namespace Functional.NN.Tests.App.Evaluation;

/// <summary>Column names of predictions files, and data sources read from IDX files and Fashion-MNIST.</summary>
public sealed class PredictionColumnsTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    /// <inheritdoc />
    public void Dispose() => _directory.Dispose();

    private FittedDataset ThreeDigits(Network network)
    {
        var images = _directory.File("images.gz");
        var labels = _directory.File("labels");
        File.WriteAllBytes(images, IdxTestFiles.Gzip(IdxTestFiles.Images(4, 2, 2, (i, p) => (byte)(i * 40 + p))));
        File.WriteAllBytes(labels, IdxTestFiles.Labels(0, 2, 1, 2));
        var source = FinAssert.Succeeds(DataSourceSpec.Parse($"idx:{images},labels={labels},classes=3"));
        return FinAssert.Succeeds(DatasetFit.ToNetwork(FinAssert.Succeeds(source.Load()), network));
    }

    [Fact]
    public void Softmax_outputs_are_probabilities_named_after_the_classes()
    {
        var network = Network.Create(4, Loss.SoftmaxCrossEntropy, (3, Activation.Softmax)).ThrowIfFail();
        var data = ThreeDigits(network);
        Assert.Equal("images", data.Source.Name);
        Assert.Equal(new[] { "row", "p_0", "p_1", "p_2", "predicted_class" }, PredictionColumns.Header(network, data).ToArray());
    }

    [Fact]
    public void Logits_and_other_scores_say_what_they_are()
    {
        var logits = Network.Create(4, Loss.BinaryCrossEntropyWithLogits, (1, Activation.Identity)).ThrowIfFail();
        var scores = Network.Create(4, Loss.MeanSquaredError, (3, Activation.Tanh)).ThrowIfFail();
        var moons = FinAssert.Succeeds(new GeneratedSource("two_moons", 4).Load()) with
        {
            Features = Functional.NN.Data.FeatureRows.Of(Functional.NN.Tensors.Tensor<double>.Zeros(4, 4)),
            ClassLabels = ["left", "right"],
        };
        Assert.Equal(new[] { "logit_right" }, PredictionColumns.Outputs(logits, FinAssert.Succeeds(DatasetFit.ToNetwork(moons, logits))).ToArray());
        Assert.Equal(new[] { "score_0", "score_1", "score_2" }, PredictionColumns.Outputs(scores, ThreeDigits(scores)).ToArray());
    }

    [SkippableFact]
    public void Fashion_mnist_classes_carry_their_names_into_predictions()
    {
        Skip.IfNot(FashionMnist.IsPresent(FashionMnist.DefaultDirectory), "Fashion-MNIST is not installed (Debian package dataset-fashion-mnist)");
        var network = Network.Create(784, Loss.SoftmaxCrossEntropy, (10, Activation.Softmax)).ThrowIfFail();
        var model = SavedModels.Save(_directory.File("fm.fnn"), network, Initializer.LeCunNormal.Initialize(network, RandomKey.FromSeed(1)));
        var input = FinAssert.Succeeds(ModelAndData.Load(model, new FashionMnistSource(Train: false)));

        Assert.Equal(10_000, input.Data.Examples.Count);
        Assert.Equal("p_T-shirt/top", PredictionColumns.Outputs(network, input.Data)[0]);
        Assert.Equal("p_Ankle boot", PredictionColumns.Outputs(network, input.Data)[9]);
    }
}
