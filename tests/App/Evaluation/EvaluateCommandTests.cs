using System.Globalization;
using System.Text.Json;
using Functional.NN.Experiments.Data.Generated;
using Functional.NN.Data;
using Functional.NN.Model;
using Functional.NN.Passes;
using Functional.NN.Randomness;
using Functional.NN.Initialization;
using Functional.NN.Tensors;
using LanguageExt;
using Xunit;

namespace Functional.NN.Tests.App.Evaluation;

/// <summary><c>fnn evaluate</c>: the numbers the Core computes, a readable table or JSON, and one-line errors.</summary>
public sealed class EvaluateCommandTests : IDisposable
{
    private const string Moons = "generated:two_moons,count=50,noise=0.2,seed=9";
    private readonly TempDirectory _directory = new();

    /// <inheritdoc />
    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Json_reports_the_loss_and_accuracy_Core_computes_for_a_trained_binary_classifier()
    {
        var parameters = SavedModels.Trained(SavedModels.Binary);
        var path = SavedModels.Save(_directory.File("binary.fnn"), SavedModels.Binary, parameters);

        var run = CommandHarness.Run("evaluate", path, "--data", Moons, "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var moons = GeneratedDatasets.Generate("two_moons", 50, 0.2, 9).ThrowIfFail();
        var data = Dataset.Create(moons.Features.ToTensor(), Tensor.Build(moons.Count, 1, (r, _) => moons.Targets[r, 1])).ThrowIfFail();
        var expectedLoss = ForwardPass.Loss(SavedModels.Binary, parameters, data.ToBatch(SavedModels.Binary).ThrowIfFail());
        var expectedAccuracy = Accuracy.Of(SavedModels.Binary, parameters, data).ThrowIfFail();
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.Equal(expectedLoss, root.GetProperty("loss").GetDouble());
        Assert.Equal(expectedAccuracy, root.GetProperty("accuracy").GetDouble());
        Assert.Equal(50, root.GetProperty("examples").GetInt32());
        Assert.Equal("bce", root.GetProperty("loss_name").GetString());
        Assert.Equal(Moons, root.GetProperty("data").GetString());
        var confusion = root.GetProperty("confusion").EnumerateArray().Select(r => r.EnumerateArray().Select(c => c.GetInt32()).ToArray()).ToArray();
        Assert.Equal(50, confusion.Sum(r => r.Sum()));
        Assert.Equal(root.GetProperty("correct").GetInt32(), confusion[0][0] + confusion[1][1]);
        Assert.Equal(expectedAccuracy, (confusion[0][0] + confusion[1][1]) / 50.0);
        Assert.True(expectedAccuracy > 0.7, $"20 Adam steps should beat chance on two moons, got {expectedAccuracy}");
    }

    [Fact]
    public void The_table_shows_examples_loss_accuracy_and_confusion_of_an_initialized_softmax_classifier()
    {
        var network = SavedModels.Softmax;
        var parameters = Initializer.XavierUniform.Initialize(network, RandomKey.FromSeed(5));
        var path = SavedModels.Save(_directory.File("softmax.fnn"), network, parameters);

        var run = CommandHarness.Run("evaluate", path, "--data", Moons);

        Assert.True(run.ExitCode == 0, run.ToString());
        var moons = GeneratedDatasets.Generate("two_moons", 50, 0.2, 9).ThrowIfFail();
        var data = Dataset.Create(moons.Features.ToTensor(), moons.Targets).ThrowIfFail();
        var loss = ForwardPass.Loss(network, parameters, data.ToBatch(network).ThrowIfFail());
        var accuracy = Accuracy.Of(network, parameters, data).ThrowIfFail();
        Assert.Contains($"loss     = {loss.ToString("F9", CultureInfo.InvariantCulture)}", run.Output);
        Assert.Contains($"accuracy = {accuracy.ToString("F9", CultureInfo.InvariantCulture)}", run.Output);
        Assert.Contains("examples = 50", run.Output);
        Assert.Contains("Confusion matrix (rows: actual class, columns: predicted class)", run.Output);
        Assert.Matches(@"actual \\ predicted +0 +1 +total", run.Output);
        Assert.Empty(run.Error);
    }

    [Fact]
    public void A_regression_model_reports_the_loss_and_no_accuracy()
    {
        var network = SavedModels.Regressor;
        var parameters = Initializer.LeCunNormal.Initialize(network, RandomKey.FromSeed(2));
        var path = SavedModels.Save(_directory.File("regressor.fnn"), network, parameters);
        var csv = _directory.File("houses.csv");
        File.WriteAllText(csv, "a,b,c,price\n1,2,3,10.5\n0.5,-1,2,3\n4,4,4,-2\n");

        var run = CommandHarness.Run("evaluate", path, "--data", $"csv:{csv},label=price,features=a+b+c,task=regression", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var features = Tensor.FromRows([[1.0, 2, 3], [0.5, -1, 2], [4.0, 4, 4]]).ThrowIfFail();
        var targets = Tensor.FromRows([[10.5], [3.0], [-2.0]]).ThrowIfFail();
        var expected = ForwardPass.Loss(network, parameters, Batch.Create(network, features, targets).ThrowIfFail());
        Assert.Equal(expected, json.RootElement.GetProperty("loss").GetDouble());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("accuracy").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("confusion").ValueKind);
    }

    [Fact]
    public void A_feature_count_mismatch_names_both_sizes()
    {
        var path = SavedModels.Save(_directory.File("regressor.fnn"), SavedModels.Regressor, Parameters.Zeros(SavedModels.Regressor));

        var run = CommandHarness.Run("evaluate", path, "--data", Moons);

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.Contains("the model expects 3 input features, the data set 'two_moons' has 2", line);
    }

    [Fact]
    public void A_class_count_mismatch_names_both_sizes()
    {
        var network = Network.Create(2, Functional.NN.Losses.Loss.SoftmaxCrossEntropy,
            (4, Functional.NN.Activations.Activation.Tanh), (3, Functional.NN.Activations.Activation.Softmax)).ThrowIfFail();
        var path = SavedModels.Save(_directory.File("three.fnn"), network, Parameters.Zeros(network));

        var run = CommandHarness.Run("evaluate", path, "--data", Moons);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("the model has 3 outputs, the data set 'two_moons' has 2 classes", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public void A_corrupt_model_file_is_one_line_and_a_non_zero_exit_code()
    {
        var path = SavedModels.Save(_directory.File("corrupt.fnn"), SavedModels.Binary, Parameters.Zeros(SavedModels.Binary));
        var bytes = File.ReadAllBytes(path);
        bytes[^10] ^= 0x20;
        File.WriteAllBytes(path, bytes);

        var run = CommandHarness.Run("evaluate", path, "--data", Moons);

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith($"fnn: error: {path}: checksum mismatch", line);
        Assert.Empty(run.Output);
    }

    [Fact]
    public void A_file_that_is_not_a_model_and_a_missing_file_are_one_line_errors()
    {
        var text = _directory.File("notes.txt");
        File.WriteAllText(text, "hello\nworld\n");

        var wrong = CommandHarness.Run("evaluate", text, "--data", Moons);
        var missing = CommandHarness.Run("evaluate", _directory.File("absent.fnn"), "--data", Moons);

        Assert.Equal(1, wrong.ExitCode);
        Assert.Contains("not a Functional.NN model file", Assert.Single(wrong.ErrorLines));
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("absent.fnn", Assert.Single(missing.ErrorLines));
    }

    [Theory]
    [InlineData("generated:moons")]
    [InlineData("two_moons")]
    [InlineData("generated:two_moons,count=zero")]
    [InlineData("csv:x.csv,features=a+b")]
    public void A_malformed_data_spec_is_a_usage_error(string spec)
    {
        var run = CommandHarness.Run("evaluate", "model.fnn", "--data", spec);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--data: data source", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public void Missing_data_option_is_a_usage_error_and_help_exits_zero()
    {
        Assert.Equal(2, CommandHarness.Run("evaluate", "model.fnn").ExitCode);
        var help = CommandHarness.Run("evaluate", "--help");
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("--data <SPEC>", help.Output);
        Assert.Contains("--json", help.Output);
    }
}
