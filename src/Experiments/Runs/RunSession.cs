using System.Numerics;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Functional.NN.Experiments.Cluster;
using Functional.NN.Experiments.ExperimentFiles;
using Functional.NN.Experiments.Runs.Progress;
using Functional.NN.Experiments.Storage;
using Functional.NN.Training;
using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Experiments.Runs;

/// <summary>
/// Starts a new run or resumes one, drives <see cref="RunLoop"/>, and finishes the run directory: the final
/// model, the loss plot, the test evaluation, the manifest, and the <c>COMPLETE</c> marker, in that order.
/// A run that fails is recorded as failed in its manifest and never marked complete.
/// </summary>
internal static class RunSession
{
    /// <summary>Trains <paramref name="parsed"/> into <paramref name="outDirectory"/> (default <c>runs/&lt;name&gt;-&lt;seed&gt;</c>).</summary>
    /// <remarks>Under MPI (<paramref name="world"/>), only rank 0 calls it; the others follow (<see cref="FollowerRun"/>).</remarks>
    public static Fin<RunResult> Train(Experiment parsed, string? outDirectory, bool force, IRunObserver observer,
        Func<RunPosition, bool> interrupt, RunWorld? world = null)
    {
        world ??= RunWorld.Alone;
        var clock = Stopwatch.StartNew();
        observer.Status($"loading the data of {parsed.Name} ({parsed.Data.Source}) ...");
        return from prepared in PreparedExperiment.Prepare(parsed)
               let directory = new RunDirectory(outDirectory ?? RunDirectory.DefaultPath(prepared.Experiment))
               from foreign in directory.ForeignProblem() is { } problem ? Fin<Unit>.Fail(Error.New(problem)) : Prelude.unit
               from held in RunLock.Acquire(directory.Path, force ? "fnn train --force" : "fnn train")
               from result in WhileLocked(held, () => StartNew(prepared, directory, force, observer, interrupt, clock, world))
               select result;
    }

    // The run's element type is chosen here and at resume, once: everything below is generic in it.
    private static Fin<RunResult> StartNew(PreparedExperiment prepared, RunDirectory directory, bool force, IRunObserver observer,
        Func<RunPosition, bool> interrupt, Stopwatch clock, RunWorld world) =>
        prepared.Experiment.Dtype == ElementType.Float32
            ? StartNew<float>(prepared, directory, force, observer, interrupt, clock, world)
            : StartNew<double>(prepared, directory, force, observer, interrupt, clock, world);

    private static Fin<RunResult> StartNew<T>(PreparedExperiment prepared, RunDirectory directory, bool force, IRunObserver observer,
        Func<RunPosition, bool> interrupt, Stopwatch clock, RunWorld world) where T : unmanaged, IFloatingPointIeee754<T> =>
               from _ in directory.PrepareNew(force)
               from __ in AtomicFile.WriteAllBytes(directory.ExperimentFile, ExperimentJson.Serialize(prepared.Experiment))
               let manifest = NewManifest<T>(prepared) with { WorldSizes = [world.Size] }
               from ___ in manifest.Save(directory.ManifestFile)
               let start = new Checkpoint<T>(prepared.Hash, prepared.Data.Sha256, MiniBatchTrainer.Start(prepared.Plan, prepared.InitialAs<T>()), 0, 0, [], null)
               from result in Continue(prepared, directory, manifest, start, null, observer, interrupt, clock, world)
               select result;

    /// <summary>Runs <paramref name="run"/> and releases <paramref name="held"/> whatever happens.</summary>
    private static Fin<RunResult> WhileLocked(RunLock held, Func<Fin<RunResult>> run)
    {
        using (held) return run();
    }

    /// <summary>Continues the run in <paramref name="path"/> from its newest good checkpoint.</summary>
    public static Fin<RunResult> Resume(string path, IRunObserver observer, Func<RunPosition, bool> interrupt, RunWorld? world = null)
    {
        world ??= RunWorld.Alone;
        var clock = Stopwatch.StartNew();
        var directory = new RunDirectory(path);
        if (!Directory.Exists(path)) return Error.New($"{path}: no such run directory");
        return from held in RunLock.Acquire(path, "fnn resume")
               from result in WhileLocked(held, () => ResumeLocked(directory, observer, interrupt, clock, world))
               select result;
    }

    private static Fin<RunResult> ResumeLocked(RunDirectory directory, IRunObserver observer, Func<RunPosition, bool> interrupt, Stopwatch clock,
        RunWorld world)
    {
        var path = directory.Path;
        if (directory.IsComplete) return Error.New($"{path}: the run is already complete; nothing to resume");
        foreach (var removed in StrayTemporaries.Remove(directory)) observer.Warn($"removed the stray temporary {removed}");
        observer.Status($"loading the experiment and data of {path} ...");
        return from parsed in ExperimentParser.Load(directory.ExperimentFile)
               from prepared in PreparedExperiment.Prepare(parsed)
               from result in prepared.Experiment.Dtype == ElementType.Float32
                   ? ResumePrepared<float>(prepared, directory, observer, interrupt, clock, world)
                   : ResumePrepared<double>(prepared, directory, observer, interrupt, clock, world)
               select result;
    }

    private static Fin<RunResult> ResumePrepared<T>(PreparedExperiment prepared, RunDirectory directory, IRunObserver observer,
        Func<RunPosition, bool> interrupt, Stopwatch clock, RunWorld world) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var path = directory.Path;
        return from manifest in Fin<RunManifest>.Succ(ManifestRecovery.Load(directory.ManifestFile, () => NewManifest<T>(prepared), observer.Warn))
               from diverged in RunDirectory.DivergedProblem(path, manifest) is { } problem ? Fin<Unit>.Fail(Error.New(problem)) : Prelude.unit
               from _ in prepared.Hash == manifest.ExperimentHash
                   ? Fin<Unit>.Succ(Prelude.unit)
                   : Error.New($"{directory.ExperimentFile} no longer matches the run (experiment hash {prepared.Hash}, the manifest records {manifest.ExperimentHash}); it must not be edited")
               from __ in prepared.Data.Sha256 == manifest.Data.Sha256
                   ? Fin<Unit>.Succ(Prelude.unit)
                   : Error.New($"the data changed since the run started (SHA-256 {prepared.Data.Sha256}, the manifest records {manifest.Data.Sha256})")
               let found = FindStart<T>(prepared, directory, observer)
               from start in found.Start
               let resumed = manifest with { Status = RunManifest.Running, Error = null, FinishedUtc = null, ResumedFromSteps = [.. manifest.ResumedFromSteps, start.Progress.Step], WorldSizes = [.. manifest.WorldSizes ?? [1], world.Size] }
               from ___ in resumed.Save(directory.ManifestFile)
               from result in Continue(prepared, directory, resumed, start, found.Path, observer, interrupt, clock, world)
               select result;
    }

    private static (Fin<Checkpoint<T>> Start, string? Path) FindStart<T>(PreparedExperiment prepared, RunDirectory directory, IRunObserver observer) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var checkpoints = new CheckpointDirectory(directory.CheckpointFolder, prepared.Experiment.Checkpoint.Keep);
        checkpoints.RemoveStaleTemporaries();
        var (checkpoint, path, skipped) = checkpoints.LatestGood<T>(prepared.Network, prepared.Hash, prepared.Data.Sha256);
        foreach (var why in skipped) observer.Warn($"skipping a checkpoint that cannot be used: {why}");
        if (checkpoint is null)
        {
            observer.Note(skipped.Count > 0 ? "no good checkpoint is left; starting again from step 0" : "no checkpoint was written yet; starting again from step 0");
            return (new Checkpoint<T>(prepared.Hash, prepared.Data.Sha256, MiniBatchTrainer.Start(prepared.Plan, prepared.InitialAs<T>()), 0, 0, [], null), null);
        }
        var expected = CheckpointOptimizerState.Shape(prepared.Plan.Optimizer.InitialState(prepared.InitialAs<T>()));
        var stored = CheckpointOptimizerState.Shape(checkpoint.Progress.OptimizerState);
        if (expected != stored)
            return (Error.New($"{path}: holds an optimizer state shaped {stored}, the experiment's optimizer needs {expected}"), path);
        var p = checkpoint.Progress;
        observer.Note(string.Create(CultureInfo.InvariantCulture,
            $"resuming from {path}: step {p.Step}, {RunLoop.Completed(prepared.Plan, p)} epochs completed{(skipped.Count > 0 ? $" (fell back past {skipped.Count} newer checkpoint(s))" : "")}"));
        return (checkpoint, path);
    }

    private static Fin<RunResult> Continue<T>(PreparedExperiment prepared, RunDirectory directory, RunManifest manifest, Checkpoint<T> start,
        string? startPath, IRunObserver observer, Func<RunPosition, bool> interrupt, Stopwatch clock, RunWorld world) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var metrics = from written in MetricsCsv.Write(directory.MetricsFile, start.Metrics)
                      from supported in Distributed.DataParallelTrainer.Supports<T>(prepared.Plan, world.Collective)
                      from finite in prepared.Data.Training.CheckFiniteAs<T>()
                      from announced in world.Announce(prepared.Experiment, start)
                      select announced;
        try
        {
            var loop = metrics.Bind(_ => RunLoop.Train(prepared, directory, start, startPath, observer, interrupt, world.Collective));
            return loop.Match(
                Succ: result => result.End == RunEnd.Interrupted
                    ? Interrupted(directory, manifest, result, clock)
                    : RunCompletion.Finish(prepared, directory, manifest, result.State, clock, observer)
                        .Match(Succ: Fin<RunResult>.Succ, Fail: error => Failed(directory, manifest, error)),
                Fail: error => Failed(directory, manifest, error));
        }
        catch (Exception e) when (e is OutOfMemoryException or IOException or UnauthorizedAccessException or InsufficientExecutionStackException)
        {
            return Failed(directory, manifest, Error.New($"{e.GetType().Name}: {e.Message}"));
        }
    }

    private static Fin<RunResult> Interrupted<T>(RunDirectory directory, RunManifest manifest, LoopResult<T> result, Stopwatch clock) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var updated = manifest with { Steps = result.State.Progress.Step, EpochsCompleted = result.State.Metrics.Length };
        return updated.Save(directory.ManifestFile).Map(_ => new RunResult(directory, RunEnd.Interrupted, updated, clock.Elapsed, []));
    }

    private static Fin<RunResult> Failed(RunDirectory directory, RunManifest manifest, Error error)
    {
        var failed = manifest with { Status = RunManifest.Failed, Error = error.Message, FinishedUtc = Now() };
        failed.Save(directory.ManifestFile);
        return error;
    }

    private static RunManifest NewManifest<T>(PreparedExperiment prepared) where T : unmanaged, IFloatingPointIeee754<T> => new(
        RunManifest.Running, prepared.Experiment.Name, prepared.Hash, prepared.Experiment.Seed, LibraryVersion.Current,
        RunEnvironment.GitCommit(), RunEnvironment.DotnetVersion, RunEnvironment.Os, RunEnvironment.Backend(),
        new DataRecord(prepared.Data.Name, prepared.Data.Sha256, prepared.Data.Training.Count, prepared.Data.Validation?.Count ?? 0,
            prepared.Data.Test?.Count, prepared.Data.Standardizer is not null),
        prepared.InitialAs<T>().ContentHash(), null, 0, 0, Now(), null, [], null, null, null, null,
        JsonDocument.Parse(ExperimentJson.Serialize(prepared.Experiment)).RootElement.Clone());

    /// <summary>The current time in UTC, ISO 8601 to the second.</summary>
    public static string Now() => DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
