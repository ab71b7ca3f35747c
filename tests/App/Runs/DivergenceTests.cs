using System.Text.RegularExpressions;
using Functional.NN.Experiments.ExperimentFiles;
using Functional.NN.Experiments.Runs;
using Functional.NN.Experiments.Storage;
using Xunit;

namespace Functional.NN.Tests.App.Runs;

/// <summary>A loss that becomes NaN or infinite stops training with the step named and the last good checkpoint kept.</summary>
public sealed class DivergenceTests
{
    [Fact]
    public void A_huge_learning_rate_stops_with_the_step_named_and_a_good_checkpoint_left()
    {
        using var temp = new TempDirectory();
        var experiment = SmallExperiments.LinearRegression(temp, learningRate: 1e6);
        var run = temp.File("run");
        var result = CommandRun.Train(experiment, run);

        Assert.Equal(1, result.Code);
        var match = Regex.Match(result.Error, @"fnn: error: training diverged: the (batch|validation) loss is (NaN|-?Infinity|∞|-∞) at step (\d+) \(epoch (\d+), batch \d+ of 4\)");
        Assert.True(match.Success, result.Error);
        var step = long.Parse(match.Groups[3].Value);
        Assert.Contains("the last good checkpoint is", result.Error);
        Assert.False(File.Exists(Path.Combine(run, "COMPLETE")));
        var manifest = FinAssert.Succeeds(RunManifest.Load(Path.Combine(run, "manifest.json")));
        Assert.Equal(RunManifest.Failed, manifest.Status);
        Assert.Contains($"at step {step}", manifest.Error);

        var prepared = FinAssert.Succeeds(ExperimentParser.Load(Path.Combine(run, "experiment.json")).Bind(PreparedExperiment.Prepare));
        var checkpoints = new CheckpointDirectory(Path.Combine(run, "checkpoints"), 2);
        var (good, path, skipped) = checkpoints.LatestGood<double>(prepared.Network, prepared.Hash, prepared.Data.Sha256);
        Assert.NotNull(good);
        Assert.Empty(skipped);
        Assert.True(good.Progress.Step < step);
        Assert.True(good.Progress.Parameters.IsFinite());
        Assert.Contains(Path.GetFileName(path!), result.Error);
    }

    [Fact]
    public void A_small_learning_rate_trains_the_same_experiment_to_completion()
    {
        using var temp = new TempDirectory();
        var result = CommandRun.Train(SmallExperiments.LinearRegression(temp, learningRate: 0.01), temp.File("run"));
        Assert.True(result.Code == 0, result.Error);
        Assert.DoesNotContain("val_accuracy 0", result.Output);
    }
}
