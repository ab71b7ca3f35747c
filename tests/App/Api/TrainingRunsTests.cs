using Functional.NN.Experiments;
using Functional.NN.Tests.App.Runs;
using Xunit;

namespace Functional.NN.Tests.App.Api;

/// <summary>
/// The public <see cref="ExperimentFile"/>, <see cref="TrainingRuns"/> and <see cref="TrainingCheckpoint"/>: a run
/// trained from code, stopped, inspected and resumed ends with the parameters of the uninterrupted run.
/// </summary>
public sealed class TrainingRunsTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public void A_run_from_code_writes_a_model_that_fnn_reads()
    {
        var experiment = FinAssert.Succeeds(ExperimentFile.Load(SmallExperiments.TwoMoons(_directory, epochs: 3)));
        var epochs = new List<EpochMetrics>();

        var report = FinAssert.Succeeds(TrainingRuns.Train(experiment,
            new RunOptions(_directory.File("run")) { EpochEnded = epochs.Add }));

        Assert.True(report.Completed);
        Assert.Equal((3, 30L), (report.EpochsCompleted, report.Steps));
        Assert.Equal([1, 2, 3], epochs.Select(e => e.Epoch));
        Assert.Equal(epochs[^1].TrainLoss, report.FinalTrainLoss);
        var model = FinAssert.Succeeds(TrainedModel.Load(report.ModelFile));
        Assert.Equal(report.ParametersHash, Assert.IsType<TrainedModel<double>>(model).Parameters.ContentHash());
        Assert.True(model.Standardizer.IsSome);
        var evaluated = Evaluation.CommandHarness.Run("evaluate", report.ModelFile, "--data", "generated:two_moons,count=200,noise=0.1,seed=3");
        Assert.Equal(0, evaluated.ExitCode);
        Assert.Contains("experiment 'moons'", evaluated.Output);
    }

    [Fact]
    public void A_stopped_run_resumes_to_the_parameters_of_the_uninterrupted_one()
    {
        var path = SmallExperiments.TwoMoons(_directory, epochs: 4);
        var experiment = FinAssert.Succeeds(ExperimentFile.Load(path));
        var whole = FinAssert.Succeeds(TrainingRuns.Train(experiment, new RunOptions(_directory.File("whole"))));

        var stopped = FinAssert.Succeeds(TrainingRuns.Train(experiment,
            new RunOptions(_directory.File("parts")) { Stop = p => p.Step == 17 }));
        Assert.False(stopped.Completed);
        var checkpoint = FinAssert.Succeeds(TrainingCheckpoint.Latest(stopped.Directory));
        Assert.Equal(14, checkpoint.Progress.Step);
        Assert.Equal(1, checkpoint.EpochsCompleted);
        var network = FinAssert.Succeeds(experiment.Network());
        Assert.Equal(checkpoint.Parameters, FinAssert.Succeeds(TrainingCheckpoint.Load(checkpoint.Path, network)).Parameters);

        var notes = new List<string>();
        var resumed = FinAssert.Succeeds(TrainingRuns.Resume(stopped.Directory, new RunOptions { Note = notes.Add }));

        Assert.True(resumed.Completed);
        Assert.Contains(notes, n => n.StartsWith("resuming from", StringComparison.Ordinal));
        Assert.Equal(whole.ParametersHash, resumed.ParametersHash);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Fewer_than_one_epoch_is_an_error_value_not_an_exception(int epochs)
    {
        var experiment = FinAssert.Succeeds(ExperimentFile.Load(SmallExperiments.TwoMoons(_directory)));

        Assert.Equal($"training.epochs: must be at least 1, got {epochs}", FinAssert.Fails(experiment.WithEpochs(epochs)));
        Assert.Equal(1, FinAssert.Succeeds(experiment.WithEpochs(1)).Epochs);
    }

    [Fact]
    public void Overrides_and_the_resolved_experiment_read_back_equal()
    {
        var experiment = FinAssert.Succeeds(ExperimentFile.Load(SmallExperiments.TwoMoons(_directory)).Bind(e => e.WithSeed(11).WithEpochs(2)));
        var resolved = FinAssert.Succeeds(experiment.Resolve());

        Assert.Equal((11UL, 2, 2), (resolved.Seed, resolved.Epochs, resolved.InputSize));
        Assert.Null(experiment.InputSize);
        var again = FinAssert.Succeeds(ExperimentFile.Parse(resolved.ToJson(), "again", _directory.Path));
        Assert.Equal(resolved.ToJson(), again.ToJson());
    }

    [Fact]
    public void An_experiment_file_with_several_problems_names_each_of_them()
    {
        var message = FinAssert.Fails(ExperimentFile.Parse(
            """{ "network": { "layers": [] }, "loss": "mse", "optimizer": { "name": "adam", "learning_rate": -1 }, "epochs": 3 }""",
            "broken", _directory.Path));

        Assert.Contains("broken: ", message);
        Assert.Contains("data", message);
        Assert.Contains("optimizer.learning_rate", message);
        Assert.Contains("'epochs'", message);
    }

    public void Dispose() => _directory.Dispose();
}
