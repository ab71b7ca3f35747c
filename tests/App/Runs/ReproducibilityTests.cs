using Functional.NN.Experiments.Runs;
using Xunit;

namespace Functional.NN.Tests.App.Runs;

/// <summary>The same experiment and seed give the same model bytes and the same metrics (apart from seconds) on every run.</summary>
public sealed class ReproducibilityTests
{
    [Fact]
    public void Two_runs_give_identical_models_and_metrics()
    {
        using var temp = new TempDirectory();
        var experiment = SmallExperiments.TwoMoons(temp);
        var first = CommandRun.Train(experiment, temp.File("a"));
        var second = CommandRun.Train(experiment, temp.File("b"));
        Assert.True(first.Code == 0, first.Error);
        Assert.True(second.Code == 0, second.Error);
        foreach (var file in new[] { "model.fnn", "best.fnn", "experiment.json" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(temp.File("a"), file)), File.ReadAllBytes(Path.Combine(temp.File("b"), file)));
        Assert.Equal(SmallExperiments.MetricsWithoutSeconds(temp.File("a")), SmallExperiments.MetricsWithoutSeconds(temp.File("b")));
        Assert.Equal(7, SmallExperiments.MetricsWithoutSeconds(temp.File("a")).Length);
    }

    [Fact]
    public void A_complete_run_has_every_file_and_a_complete_manifest()
    {
        using var temp = new TempDirectory();
        var run = CommandRun.Train(SmallExperiments.TwoMoons(temp), temp.File("run"));
        Assert.True(run.Code == 0, run.Error);
        var directory = new RunDirectory(temp.File("run"));
        foreach (var file in new[] { directory.ModelFile, directory.BestModelFile, directory.MetricsFile, directory.PlotFile,
                                     directory.ManifestFile, directory.ExperimentFile, directory.CompleteMarker })
            Assert.True(File.Exists(file), $"{file} is missing");
        var manifest = FinAssert.Succeeds(RunManifest.Load(directory.ManifestFile));
        Assert.Equal(RunManifest.Complete, manifest.Status);
        Assert.Equal(60, manifest.Steps);
        Assert.NotNull(manifest.ParametersHashEnd);
        Assert.NotEqual(manifest.ParametersHashStart, manifest.ParametersHashEnd);
        Assert.Equal(".NET", manifest.DotnetVersion[..4]);
        Assert.Contains("run complete:", run.Output);
        Assert.Contains("epoch 6/6", run.Output);
    }

    [Fact]
    public void A_completed_run_is_not_overwritten_without_force()
    {
        using var temp = new TempDirectory();
        var experiment = SmallExperiments.TwoMoons(temp, epochs: 1);
        Assert.Equal(0, CommandRun.Train(experiment, temp.File("run")).Code);
        var model = File.ReadAllBytes(Path.Combine(temp.File("run"), "model.fnn"));
        var again = CommandRun.Train(experiment, temp.File("run"));
        Assert.Equal(1, again.Code);
        Assert.Contains("already holds a completed run; pass --force", again.Error);
        Assert.Equal(model, File.ReadAllBytes(Path.Combine(temp.File("run"), "model.fnn")));
        Assert.Equal(0, CommandRun.Train(experiment, temp.File("run"), force: true).Code);
    }

    [Fact]
    public void A_directory_that_is_not_a_run_is_never_written_into()
    {
        using var temp = new TempDirectory();
        var experiment = SmallExperiments.TwoMoons(temp, epochs: 1);
        var result = CommandRun.Train(experiment, temp.Path, force: true);
        Assert.Equal(1, result.Code);
        Assert.Contains("is not a run directory", result.Error);
        Assert.Equal(["moons.json"], temp.FileNames());
    }

    [Fact]
    public void Dry_run_prints_the_resolved_experiment_and_writes_nothing()
    {
        using var temp = new TempDirectory();
        var result = CommandRun.Train(SmallExperiments.TwoMoons(temp), temp.File("run"), dryRun: true, epochs: 3);
        Assert.True(result.Code == 0, result.Error);
        Assert.Contains("\"input_size\": 2", result.Output);
        Assert.Contains("\"epochs\": 3", result.Output);
        Assert.Contains("\"b2\": 0.999", result.Output);
        Assert.False(Directory.Exists(temp.File("run")));
    }

    [Fact]
    public void An_experiment_error_is_one_line_and_exit_code_1()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("bad.json"), """{ "optimiser": "adam" }""");
        var result = CommandRun.Train(temp.File("bad.json"), temp.File("run"));
        Assert.Equal(1, result.Code);
        Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("fnn: error: ", result.Error);
        Assert.Contains("unknown key 'optimiser'; did you mean 'optimizer'?", result.Error);
    }
}
