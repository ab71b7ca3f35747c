using System.Numerics;
using Functional.NN.Experiments.ExperimentFiles;
using Functional.NN.Experiments.Runs;
using Functional.NN.Experiments.Storage;
using Functional.NN.Model;
using Functional.NN.Training;
using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Experiments;

/// <summary>
/// A checkpoint of a run (<c>checkpoints/step-*.ckpt</c>, docs/checkpoint-format.md): Core's training state after
/// some updates (parameters, optimizer state, position in the epoch), from which training continues exactly.
/// </summary>
public sealed class TrainingCheckpoint
{
    private TrainingCheckpoint(Checkpoint<double> checkpoint, string path)
    {
        Checkpoint = checkpoint;
        Path = path;
    }

    internal Checkpoint<double> Checkpoint { get; }

    /// <summary>The file the checkpoint was read from.</summary>
    public string Path { get; }

    /// <summary>
    /// The training state: step, epoch, batch in the epoch, parameters and optimizer state. Continue it with
    /// <see cref="MiniBatchTrainer.Run{T}(TrainingPlan, TrainingProgress{T})"/> under the run's plan.
    /// </summary>
    public TrainingProgress Progress => Checkpoint.Progress;

    /// <summary>The parameters after <see cref="TrainingProgress.Step"/> updates.</summary>
    public Parameters Parameters => Checkpoint.Progress.Parameters;

    /// <summary>Epochs completed when the checkpoint was written.</summary>
    public int EpochsCompleted => Checkpoint.Metrics.Length;

    /// <summary>The metrics of the epochs completed so far, in order.</summary>
    public IReadOnlyList<EpochMetrics> Metrics => [.. Checkpoint.Metrics.Select(EpochMetrics.Of)];

    /// <summary>SHA-256 of the resolved experiment the checkpoint belongs to.</summary>
    public string ExperimentHash => Checkpoint.ExperimentHash;

    /// <summary>SHA-256 of the data it was trained on.</summary>
    public string DataSha256 => Checkpoint.DataSha256;

    /// <summary>
    /// The checkpoint in the file at <paramref name="path"/>, its parameters checked against
    /// <paramref name="network"/>; an error starting with the path when it is missing, truncated, corrupted or of
    /// another kind or shape.
    /// </summary>
    /// <param name="path">A checkpoint file.</param>
    /// <param name="network">The run's network (<see cref="ExperimentFile.Network"/>).</param>
    public static Fin<TrainingCheckpoint> Load(string path, Network network) =>
        CheckpointFile.Load<double>(path, network).Map(c => new TrainingCheckpoint(c, path));

    /// <summary>
    /// The newest checkpoint of the run in <paramref name="runDirectory"/> that reads back intact and belongs to the
    /// run (its experiment and data), as <see cref="TrainingRuns.Resume"/> would start from; an error when there is none.
    /// Loads the run's data to identify it.
    /// </summary>
    /// <param name="runDirectory">A run directory written by <see cref="TrainingRuns.Train"/> or <c>fnn train</c>.</param>
    public static Fin<TrainingCheckpoint> Latest(string runDirectory)
    {
        var directory = new RunDirectory(runDirectory);
        return from parsed in ExperimentParser.Load(directory.ExperimentFile)
               from prepared in PreparedExperiment.Prepare(parsed)
               let checkpoints = new CheckpointDirectory(directory.CheckpointFolder, prepared.Experiment.Checkpoint.Keep)
               let found = checkpoints.LatestGood<double>(prepared.Network, prepared.Hash, prepared.Data.Sha256)
               from latest in found.Checkpoint is { } checkpoint && found.Path is { } path
                   ? Fin<TrainingCheckpoint>.Succ(new TrainingCheckpoint(checkpoint, path))
                   : Error.New($"{directory.CheckpointFolder}: no good checkpoint" +
                               (found.Skipped.Count > 0 ? $" ({string.Join("; ", found.Skipped)})" : ""))
               select latest;
    }

    /// <summary>The file and step, for messages.</summary>
    public override string ToString() => $"checkpoint {Path} at step {Progress.Step}";
}
