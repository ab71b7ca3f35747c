using Functional.NN.Experiments;
using Xunit;

namespace Consumer.Tests;

/// <summary>An experiment trained into a run directory from code, stopped and resumed, through Functional.NN.Experiments.</summary>
public sealed class RunTests
{
    private const string Experiment = """
        {
          "name": "xor",
          "seed": 3,
          "data": { "source": "generated", "generator": "xor", "count": 64, "noise": 0.05, "seed": 1 },
          "network": { "layers": [ { "units": 8, "activation": "tanh" }, { "units": 2, "activation": "softmax" } ] },
          "loss": "softmax_ce",
          "optimizer": { "name": "adam", "learning_rate": 0.05 },
          "training": { "batch_size": 16, "epochs": 40, "validation_split": 0.25 }
        }
        """;

    [Fact]
    public void A_stopped_run_resumes_to_the_model_of_the_whole_run()
    {
        var folder = Directory.CreateTempSubdirectory("consumer-run-");
        try
        {
            var experiment = ExperimentFile.Parse(Experiment, "xor", folder.FullName).ThrowIfFail();
            var whole = TrainingRuns.Train(experiment, new RunOptions(Path.Combine(folder.FullName, "whole"))).ThrowIfFail();
            var stopped = TrainingRuns.Train(experiment,
                new RunOptions(Path.Combine(folder.FullName, "parts")) { Stop = progress => progress.Step == 50 }).ThrowIfFail();
            Assert.False(stopped.Completed);

            var resumed = TrainingRuns.Resume(stopped.Directory).ThrowIfFail();

            Assert.True(whole.Completed && resumed.Completed);
            Assert.Equal(120, resumed.Steps);
            Assert.Equal(whole.ParametersHash, resumed.ParametersHash);
            Assert.True(whole.FinalValidationAccuracy >= 0.9, $"validation accuracy {whole.FinalValidationAccuracy}");
            var model = TrainedModel.Load(resumed.ModelFile).ThrowIfFail();
            Assert.Equal(whole.ParametersHash, model.ParametersHash);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
