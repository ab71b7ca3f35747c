using System.Numerics;
using System.Collections.Immutable;
using System.Diagnostics;
using Functional.NN.Experiments.ExperimentFiles;
using Functional.NN.Experiments.Runs.Progress;
using Functional.NN.Experiments.Storage;
using Functional.NN.Training;
using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Experiments.Runs;

/// <summary>How a call to <see cref="RunLoop.Train"/> ended without an error.</summary>
internal enum RunEnd
{
    /// <summary>Every epoch was trained.</summary>
    Completed,

    /// <summary>Stopped early on request (Ctrl+C, or a test); the run can be resumed from its last checkpoint.</summary>
    Interrupted,
}

/// <summary>The state where <see cref="RunLoop.Train"/> stopped and how.</summary>
/// <param name="End">Completed or interrupted.</param>
/// <param name="State">The full state at that point (not necessarily saved as a checkpoint).</param>
/// <param name="LastCheckpoint">The newest checkpoint file written or resumed from, or null.</param>
/// <typeparam name="T">The element type the run trains in.</typeparam>
internal sealed record LoopResult<T>(RunEnd End, Checkpoint<T> State, string? LastCheckpoint) where T : unmanaged, IFloatingPointIeee754<T>;

/// <summary>
/// The imperative loop of a run: it reads Core's lazy <see cref="MiniBatchTrainer.Run{T}(TrainingPlan, TrainingProgress{T})"/> sequence step by
/// step and, around it, keeps the epoch's loss sum, evaluates the validation part when an epoch ends
/// (<see cref="Evaluation"/>), rewrites <c>metrics.csv</c>, saves <c>best.fnn</c> when the selection loss
/// improves, writes checkpoints at the experiment's interval (both encoded at once and written to disk in the
/// background, <see cref="BackgroundWrites"/>, all of them finished before the loop returns), and stops with an error naming the step and
/// epoch when a loss or the parameters stop being finite (the last good checkpoint is left as it was).
/// </summary>
internal static class RunLoop
{
    /// <summary>Trains from <paramref name="start"/> until the experiment's epochs are done or <paramref name="interrupt"/> says stop.</summary>
    /// <param name="prepared">The experiment and its Core values.</param>
    /// <param name="directory">The run's files.</param>
    /// <param name="start">The state to continue from (step 0 for a new run).</param>
    /// <param name="startCheckpoint">The checkpoint file <paramref name="start"/> came from, or null.</param>
    /// <param name="observer">Progress display.</param>
    /// <param name="interrupt">Asked after every step; true stops the loop (the run stays resumable).</param>
    /// <param name="collective">The ranks that share every step (<see cref="Distributed.DataParallelTrainer"/>); this process alone by default.</param>
    public static Fin<LoopResult<T>> Train<T>(PreparedExperiment prepared, RunDirectory directory, Checkpoint<T> start, string? startCheckpoint,
        IRunObserver observer, Func<RunPosition, bool> interrupt, Distributed.ICollective? collective = null) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var plan = prepared.Plan;
        var experiment = prepared.Experiment;
        var epochs = experiment.Training.Epochs;
        var checkpoints = new CheckpointDirectory(directory.CheckpointFolder, experiment.Checkpoint.Keep);
        var classification = prepared.Data.Classes > 0;
        var state = start;
        var writes = new BackgroundWrites(startCheckpoint);
        var atEpochEnd = start.Progress.BatchInEpoch >= plan.BatchesPerEpoch;
        if (Completed(plan, start.Progress) >= epochs) return new LoopResult<T>(RunEnd.Completed, state, startCheckpoint);

        var epochSeconds = atEpochEnd ? 0.0 : start.EpochSeconds;
        var epochLossSum = atEpochEnd ? 0.0 : start.EpochLossSum;
        var metrics = start.Metrics.ToBuilder();
        var best = start.Best;
        var probe = GradientProbe.Batch<T>(prepared.Network, prepared.Data.Training);
        var clock = Stopwatch.StartNew();
        observer.Started(start.Progress.Step, (long)epochs * plan.BatchesPerEpoch, epochs);

        // Only the latest progress is kept (in `state`), so the trainer may recycle the arrays of older ones.
        try
        {
            foreach (var progress in Distributed.DataParallelTrainer.RunKeepingLatest(plan, start.Progress, collective ?? Distributed.SoleCollective.Instance))
            {
                var loss = progress.BatchLoss is { } batchLoss ? double.CreateTruncating(batchLoss) : double.NaN;
                if (!double.IsFinite(loss)) return Diverged($"the batch loss is {Text(loss)}", progress);
                epochLossSum = (progress.BatchInEpoch == 1 ? 0.0 : epochLossSum) + loss;
                var position = RunPosition.Of(progress);
                observer.Stepped(position);
                var ended = MiniBatchTrainer.EndsEpoch(plan, progress);
                var seconds = epochSeconds + clock.Elapsed.TotalSeconds;
                if (ended)
                {
                    if (!progress.Parameters.IsFinite())
                        return Diverged("the parameters are no longer finite", progress);
                    var row = EndEpoch(prepared, progress, epochLossSum, seconds, classification, probe);
                    if (row.ValLoss is { } v && !double.IsFinite(v))
                        return Diverged($"the validation loss is {Text(v)}", progress);
                    metrics.Add(row);
                    var written = MetricsCsv.Write(directory.MetricsFile, metrics);
                    if (written.IsFail) return Failure(written);
                    var selection = row.ValLoss ?? row.TrainLoss;
                    if (best is null || selection < best.Loss)
                    {
                        best = new BestEpoch(row.Epoch, selection);
                        var bestPath = directory.BestModelFile;
                        var saved = ModelFile.Encode(prepared.Network, progress.Parameters, experiment.Name, prepared.Data.InputStandardizer)
                            .Bind(bytes => writes.Start(() => ModelFile.Write(bestPath, bytes).Map(_ => Option<string>.None)));
                        if (saved.IsFail) return Failure(saved);
                    }
                    observer.EpochEnded(row);
                }
                state = new Checkpoint<T>(prepared.Hash, prepared.Data.Sha256, progress, epochLossSum, seconds, metrics.ToImmutable(), best);
                if (ended && EpochNumber(progress) >= epochs) return Done(RunEnd.Completed);
                if (Due(experiment.Checkpoint, progress, ended))
                {
                    if (!progress.Parameters.IsFinite())
                        return Diverged("the parameters are no longer finite", progress);
                    var step = state.Progress.Step;
                    var saved = CheckpointFile.Encode(state).Bind(bytes => writes.Start(() => checkpoints.Save(step, bytes).Map(Prelude.Some)));
                    if (saved.IsFail) return Failure(saved);
                }
                if (ended)
                {
                    epochSeconds = 0;
                    clock.Restart();
                }
                if (interrupt(position)) return Done(RunEnd.Interrupted);
            }
        }
        catch
        {
            writes.Drain(); // no write is left running behind the error
            throw;
        }
        throw new UnreachableException("MiniBatchTrainer.Run is infinite");

        Fin<LoopResult<T>> Done(RunEnd end)
        {
            var written = writes.Drain();
            observer.Stopped();
            return written.Map(_ => new LoopResult<T>(end, state, writes.LastWritten));
        }

        Fin<LoopResult<T>> Diverged(string what, TrainingProgress<T> at)
        {
            writes.Drain(); // a write that failed too leaves the last good checkpoint named below
            observer.Stopped();
            var lastCheckpoint = writes.LastWritten;
            return Error.New($"training diverged: {what} at step {at.Step} (epoch {at.Epoch + 1}, batch {at.BatchInEpoch} of {plan.BatchesPerEpoch}); " +
                             "the run is not complete and " +
                             (lastCheckpoint is null ? "no checkpoint had been written yet" : $"the last good checkpoint is {lastCheckpoint}") +
                             "; try a smaller learning rate or clip_global_norm");
        }

        Fin<LoopResult<T>> Failure<TValue>(Fin<TValue> failed)
        {
            writes.Drain(); // the error reported is the first one met
            observer.Stopped();
            return failed.Match(Succ: _ => throw new UnreachableException("not a failure"), Fail: Fin<LoopResult<T>>.Fail);
        }
    }

    /// <summary>Epochs completed at <paramref name="progress"/>.</summary>
    public static int Completed<T>(TrainingPlan plan, TrainingProgress<T> progress) where T : unmanaged, IFloatingPointIeee754<T> =>
        progress.Epoch + (progress.BatchInEpoch >= plan.BatchesPerEpoch ? 1 : 0);

    private static int EpochNumber<T>(TrainingProgress<T> progress) where T : unmanaged, IFloatingPointIeee754<T> => progress.Epoch + 1;

    private static MetricsRow EndEpoch<T>(PreparedExperiment prepared, TrainingProgress<T> progress, double lossSum, double seconds, bool classification,
        Functional.NN.Model.Batch<T> probe) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var validation = prepared.Data.Validation is { } data
            ? Evaluation.Of(prepared.Network, progress.Parameters, data, classification)
            : null;
        var rate = prepared.LearningRate.At((int)Math.Min(progress.Step - 1, int.MaxValue));
        return new MetricsRow(progress.Epoch + 1, progress.Step, lossSum / prepared.Plan.BatchesPerEpoch,
            validation?.Loss, validation?.Accuracy, rate, seconds, GradientProbe.Measure(prepared.Network, progress.Parameters, probe));
    }

    private static bool Due<T>(CheckpointSpec spec, TrainingProgress<T> progress, bool epochEnded) where T : unmanaged, IFloatingPointIeee754<T> => spec.Unit switch
    {
        CheckpointUnit.Steps => progress.Step % spec.Every == 0,
        _ => epochEnded && (progress.Epoch + 1) % spec.Every == 0,
    };

    private static string Text(double value) => double.IsNaN(value) ? "NaN" : value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
