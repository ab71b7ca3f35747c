using System.Text;
using System.Text.Json;
using Functional.NN.Experiments.ExperimentFiles;
using Functional.NN.Experiments.Runs;
using Functional.NN.Experiments.Storage;
using Functional.NN.Tests.App.Data;
using Functional.NN.Tests.App.Evaluation;
using Xunit;

namespace Functional.NN.Tests.App.Runs;

/// <summary>
/// A run that standardizes its features writes the standardizer into <c>model.fnn</c> and <c>best.fnn</c>, so
/// <c>fnn evaluate</c> of either on the raw test split reports exactly the loss and accuracy the run's own test
/// evaluation recorded in the manifest.
/// </summary>
public sealed class StandardizedRunTests
{
    private const int Side = 4;

    private static byte Pixel(int image, int pixel, int label) =>
        pixel == 0 ? (byte)200 : (byte)((label * 70 + pixel * 9 + (image * 37 + pixel * 11) % 50) % 256);

    private static void WriteIdx(TempDirectory temp, string name, int count, int offset)
    {
        var labels = Enumerable.Range(0, count).Select(i => (byte)((i + offset) % 3)).ToArray();
        File.WriteAllBytes(temp.File($"{name}-images.idx"), IdxTestFiles.Images(count, Side, Side, (i, p) => Pixel(i + offset, p, labels[i])));
        File.WriteAllBytes(temp.File($"{name}-labels.idx"), IdxTestFiles.Labels(labels));
    }

    private static string Experiment(TempDirectory temp)
    {
        WriteIdx(temp, "train", 90, 0);
        WriteIdx(temp, "test", 30, 1000);
        var json = """
            {
              "name": "idx-standardized",
              "seed": 4,
              "data": { "source": "idx", "images": "train-images.idx", "labels": "train-labels.idx", "classes": 3,
                        "test_images": "test-images.idx", "test_labels": "test-labels.idx" },
              "network": { "layers": [ { "units": 6, "activation": "tanh" }, { "units": 3, "activation": "softmax" } ] },
              "loss": "softmax_ce",
              "optimizer": { "name": "adam", "learning_rate": 0.02 },
              "training": { "batch_size": 16, "epochs": 4, "validation_split": 0.2, "standardize": true },
              "checkpoint": { "every": 100, "unit": "steps", "keep": 1 }
            }
            """;
        var path = temp.File("experiment.json");
        File.WriteAllText(path, json, new UTF8Encoding(false));
        return path;
    }

    [Fact]
    public void Evaluate_of_the_saved_models_on_the_raw_test_split_equals_the_runs_own_test_evaluation()
    {
        using var temp = new TempDirectory();
        var experiment = Experiment(temp);
        var run = CommandRun.Train(experiment, temp.File("run"));
        Assert.True(run.Code == 0, run.Error);
        var directory = new RunDirectory(temp.File("run"));
        Assert.False(File.Exists(Path.Combine(directory.Path, "standardizer.json")), "the model files carry the standardizer");
        var manifest = FinAssert.Succeeds(RunManifest.Load(directory.ManifestFile));
        var test = Assert.IsType<TestRecord>(manifest.Test);

        var prepared = FinAssert.Succeeds(ExperimentParser.Load(experiment).Bind(PreparedExperiment.Prepare));
        var fitted = Assert.IsType<Functional.NN.Data.Standardizer>(prepared.Data.Standardizer);
        foreach (var (file, loss, accuracy) in new[] { (directory.ModelFile, test.FinalLoss, test.FinalAccuracy), (directory.BestModelFile, test.BestLoss, test.BestAccuracy) })
        {
            var model = FinAssert.Succeeds(ModelFile.Load(file));
            Assert.Equal(fitted, Assert.Single(model.Standardizer.ToSeq()));
            var evaluation = CommandHarness.Run("evaluate", file, "--data", $"idx:{temp.File("test-images.idx")},labels={temp.File("test-labels.idx")},classes=3", "--json");
            Assert.True(evaluation.ExitCode == 0, evaluation.ToString());
            using var json = JsonDocument.Parse(evaluation.Output);
            Assert.Equal(test.Examples, json.RootElement.GetProperty("examples").GetInt32());
            Assert.Equal(loss, json.RootElement.GetProperty("loss").GetDouble());
            Assert.Equal(accuracy, json.RootElement.GetProperty("accuracy").GetDouble());
            Assert.True(json.RootElement.GetProperty("inputs_standardized").GetBoolean());
        }
    }
}
