using System.Globalization;
using System.Text.Json;
using Functional.NN.Experiments.Data.Generated;
using Functional.NN.Data;
using Functional.NN.Initialization;
using Functional.NN.Passes;
using Functional.NN.Randomness;
using Xunit;

namespace Functional.NN.Tests.App.Evaluation;

/// <summary>
/// <c>fnn evaluate</c> and <c>fnn predict</c> of a model that carries an input standardizer: the features are
/// standardized with the model's statistics before the forward pass (never silently fed raw), and the output says so.
/// </summary>
public sealed class StandardizedModelTests : IDisposable
{
    private const string Moons = "generated:two_moons,count=50,noise=0.2,seed=9";
    private readonly TempDirectory _directory = new();

    /// <inheritdoc />
    public void Dispose() => _directory.Dispose();

    /// <summary>Statistics fitted on other moons, far from the identity: shifted and scaled features.</summary>
    private static Standardizer Statistics { get; } = Standardizer.Fit(Dataset.Create(
        GeneratedDatasets.Generate("two_moons", 64, 0.1, 3).ThrowIfFail().Features.ToTensor().Map(x => 4 * x + 3),
        Functional.NN.Tensors.Tensor<double>.Zeros(64, 1)).ThrowIfFail());

    private static Dataset Raw()
    {
        var moons = GeneratedDatasets.Generate("two_moons", 50, 0.2, 9).ThrowIfFail();
        return Dataset.Create(moons.Features.ToTensor(), moons.Targets).ThrowIfFail();
    }

    [Fact]
    public void Evaluate_reports_the_loss_and_accuracy_Core_computes_on_the_standardized_data()
    {
        var network = SavedModels.Softmax;
        var parameters = Initializer.XavierUniform.Initialize(network, RandomKey.FromSeed(5));
        var path = SavedModels.Save(_directory.File("standardized.fnn"), network, parameters, Statistics);
        var standardized = Statistics.Apply(Raw()).ThrowIfFail();
        var expectedLoss = ForwardPass.Loss(network, parameters, standardized.ToBatch(network).ThrowIfFail());
        var expectedAccuracy = Accuracy.Of(network, parameters, standardized).ThrowIfFail();
        var rawLoss = ForwardPass.Loss(network, parameters, Raw().ToBatch(network).ThrowIfFail());
        Assert.NotEqual(rawLoss, expectedLoss);

        var json = CommandHarness.Run("evaluate", path, "--data", Moons, "--json");
        Assert.True(json.ExitCode == 0, json.ToString());
        using var document = JsonDocument.Parse(json.Output);
        Assert.Equal(expectedLoss, document.RootElement.GetProperty("loss").GetDouble());
        Assert.Equal(expectedAccuracy, document.RootElement.GetProperty("accuracy").GetDouble());
        Assert.True(document.RootElement.GetProperty("inputs_standardized").GetBoolean());

        var table = CommandHarness.Run("evaluate", path, "--data", Moons);
        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Contains($"loss     = {expectedLoss.ToString("F9", CultureInfo.InvariantCulture)}", table.Output);
        Assert.Matches(@"inputs += standardized +with the model's training statistics, \(x - mean\)/scale per feature", table.Output);
    }

    [Fact]
    public void Evaluate_of_a_model_without_a_standardizer_says_the_inputs_are_raw()
    {
        var network = SavedModels.Softmax;
        var path = SavedModels.Save(_directory.File("raw.fnn"), network, Initializer.XavierUniform.Initialize(network, RandomKey.FromSeed(5)));
        var table = CommandHarness.Run("evaluate", path, "--data", Moons);
        Assert.Matches(@"inputs += raw +the model has no input standardizer", table.Output);
        using var json = JsonDocument.Parse(CommandHarness.Run("evaluate", path, "--data", Moons, "--json").Output);
        Assert.False(json.RootElement.GetProperty("inputs_standardized").GetBoolean());
    }

    [Fact]
    public void Predict_writes_ForwardPass_Predict_of_the_standardized_features_and_says_so()
    {
        var network = SavedModels.Softmax;
        var parameters = Initializer.XavierUniform.Initialize(network, RandomKey.FromSeed(8));
        var path = SavedModels.Save(_directory.File("standardized.fnn"), network, parameters, Statistics);
        var csv = _directory.File("predictions.csv");

        var run = CommandHarness.Run("predict", path, "--data", Moons, "--out", csv);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("inputs standardized with the model's training statistics", run.Output);
        var expected = ForwardPass.Predict(network, parameters, Statistics.Apply(Raw().Features).ThrowIfFail());
        var lines = File.ReadAllLines(csv);
        Assert.Equal(51, lines.Length);
        for (var r = 0; r < 50; r++)
        {
            var fields = lines[r + 1].Split(',');
            for (var j = 0; j < 2; j++)
                Assert.Equal(BitConverter.DoubleToInt64Bits(expected[r, j]), BitConverter.DoubleToInt64Bits(double.Parse(fields[1 + j], CultureInfo.InvariantCulture)));
        }
    }
}
