using Functional.NN.Experiments.Cluster;
using Functional.NN.App.Runs.Progress;
using Functional.NN.App.Runs;
using System.CommandLine;
using Functional.NN.Experiments;
using Functional.NN.Experiments.Runs.Progress;
using Functional.NN.Training;

namespace Functional.NN.App.Commands;

/// <summary><c>fnn resume RUN_DIR</c>: continues an unfinished run from its newest good checkpoint.</summary>
internal static class ResumeCommand
{
    /// <summary>The <c>resume</c> command with its argument and options.</summary>
    public static Command Create()
    {
        var directory = new Argument<string>("RUN_DIR") { Description = "The run directory of an unfinished 'fnn train'." };
        var quiet = new Option<bool>("--quiet") { Description = "Print only the summary at the end." };
        var command = new Command("resume", "Continue an unfinished run from its last good checkpoint; the result equals the uninterrupted run bit for bit.")
        {
            directory, quiet,
        };
        command.SetAction(parse => Run(parse.GetValue(directory)!, parse.GetValue(quiet),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, live: !Console.IsOutputRedirected && !Cluster.MpiConsole.Launched));
        return command;
    }

    /// <summary>Resumes the run in <paramref name="directory"/>; returns the exit code.</summary>
    /// <param name="directory">The run directory.</param>
    /// <param name="quiet">Print only the summary.</param>
    /// <param name="output">Progress and summary.</param>
    /// <param name="error">The one-line error.</param>
    /// <param name="live">Redraw a progress line in place instead of one line per epoch.</param>
    /// <param name="interrupt">Asked after every step whether to stop (tests); Ctrl+C also stops.</param>
    public static int Run(string directory, bool quiet, TextWriter output, TextWriter error, bool live,
        Func<RunPosition, bool>? interrupt = null)
    {
        var started = RunWorld.FromEnvironment();
        if (started.IsFail) return RunOutcome.Report(started, error, _ => { });
        using var world = started.ThrowIfFail();
        if (!world.IsLeader) return FollowerRun.Run(world, error);
        using var cancel = new CtrlC();
        IRunObserver observer = quiet ? new QuietProgress(error) : live ? new LiveProgress(output) : new EpochLines(output);
        var options = new RunOptions { Stop = p => cancel.Requested || (interrupt?.Invoke(p) ?? false) };
        var result = TrainingRuns.Observed(directory, options, observer, world);
        observer.Stopped(); // clears a status line left by loading or the final evaluation
        return world.Conclude(RunOutcome.ReportRun(result, output, error), result.Map(r => r.Completed).IfFail(false));
    }
}
