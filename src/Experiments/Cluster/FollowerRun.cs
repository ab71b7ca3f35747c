using Functional.NN.Experiments.ExperimentFiles;
using Functional.NN.Experiments.Runs;
using Functional.NN.Experiments.Storage;
using Functional.NN.Distributed;
using Functional.NN.Training;
using LanguageExt;

namespace Functional.NN.Experiments.Cluster;

/// <summary>
/// What a rank other than 0 does in <c>fnn train</c> and <c>fnn resume</c> under MPI: it waits for the leader's
/// experiment and starting state (<see cref="RunWorld.AwaitStart"/>), loads the data itself, and takes its share of
/// every step (<see cref="DataParallelTrainer"/>) until the experiment's last epoch, writing nothing and printing
/// nothing but its own errors. Every decision to stop early is the leader's, which then ends the job.
/// </summary>
internal static class FollowerRun
{
    /// <summary>The exit code of a follower that could not follow (the command line's "the command failed").</summary>
    public const int ExitFailure = 1;

    /// <summary>Follows the leader; returns the exit code.</summary>
    public static int Run(RunWorld world, TextWriter error)
    {
        var start = world.AwaitStart();
        if (start.IsNone) return ExitFailure;
        var (experimentBytes, checkpointBytes) = start.IfNone(([], []));
        Fin<Unit> followed =
            from parsed in ExperimentParser.Parse(experimentBytes, "the experiment from rank 0", Directory.GetCurrentDirectory(), "experiment")
            from prepared in PreparedExperiment.Prepare(parsed)
            from checkpoint in CheckpointFile.Decode<double>("the checkpoint from rank 0", checkpointBytes, prepared.Network)
            from supported in DataParallelTrainer.Supports(prepared.Plan, world.Collective)
            select Follow(prepared, checkpoint.Progress, world.Collective);
        if (followed.IsSucc) return 0;
        followed.IfFail(e => error.WriteLine($"fnn: error: rank {world.Collective.Rank} of {world.Size}: {e.Message}"));
        world.Abort(ExitFailure);
        return ExitFailure;
    }

    private static Unit Follow(PreparedExperiment prepared, TrainingProgress start, ICollective collective)
    {
        var plan = prepared.Plan;
        var epochs = prepared.Experiment.Training.Epochs;
        if (RunLoop.Completed(plan, start) >= epochs) return Prelude.unit;
        foreach (var progress in DataParallelTrainer.RunKeepingLatest(plan, start, collective))
            if (MiniBatchTrainer.EndsEpoch(plan, progress) && RunLoop.Completed(plan, progress) >= epochs)
                break;
        return Prelude.unit;
    }
}
