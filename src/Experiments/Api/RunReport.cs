using Functional.NN.Experiments.Runs;

namespace Functional.NN.Experiments;

/// <summary>What a training run produced (<see cref="TrainingRuns"/>), as its <c>manifest.json</c> records it.</summary>
public sealed class RunReport
{
    internal RunReport(RunResult result) => Result = result;

    internal RunResult Result { get; }

    /// <summary>The run directory.</summary>
    public string Directory => Result.Directory.Path;

    /// <summary>True when the run finished and every file was written; false when it was stopped (resumable).</summary>
    public bool Completed => Result.End == RunEnd.Completed;

    /// <summary>The final model, <c>model.fnn</c> (written when the run completes).</summary>
    public string ModelFile => Result.Directory.ModelFile;

    /// <summary>The model of the best epoch, <c>best.fnn</c>.</summary>
    public string BestModelFile => Result.Directory.BestModelFile;

    /// <summary>Updates made.</summary>
    public long Steps => Result.Manifest.Steps;

    /// <summary>Epochs completed.</summary>
    public int EpochsCompleted => Result.Manifest.EpochsCompleted;

    /// <summary>The training loss of the last epoch, or null before one ended.</summary>
    public double? FinalTrainLoss => Result.Manifest.Final?.TrainLoss;

    /// <summary>The validation loss of the last epoch, or null without validation.</summary>
    public double? FinalValidationLoss => Result.Manifest.Final?.ValLoss;

    /// <summary>The validation accuracy of the last epoch (classification with validation), or null.</summary>
    public double? FinalValidationAccuracy => Result.Manifest.Final?.ValAccuracy;

    /// <summary>The best epoch by validation loss (training loss without validation), or null before one ended.</summary>
    public int? BestEpoch => Result.Manifest.Best?.Epoch;

    /// <summary>The final model's loss on the data's test split, or null when it has none.</summary>
    public double? TestLoss => Result.Manifest.Test?.FinalLoss;

    /// <summary>The final model's accuracy on the test split (classification), or null.</summary>
    public double? TestAccuracy => Result.Manifest.Test?.FinalAccuracy;

    /// <summary>Content hash of the final parameters, once complete (as in <c>manifest.json</c>).</summary>
    public string? ParametersHash => Result.Manifest.ParametersHashEnd;

    /// <summary>Wall-clock time of this process's part of the run.</summary>
    public TimeSpan Elapsed => Result.Elapsed;

    /// <summary>Problems that did not stop the run (a plot that could not be drawn).</summary>
    public IReadOnlyList<string> Warnings => Result.Warnings;

    /// <summary>The directory and how the run ended, for messages.</summary>
    public override string ToString() =>
        $"run {Directory}: {(Completed ? "complete" : "stopped")} after {EpochsCompleted} epochs, {Steps} steps";
}
