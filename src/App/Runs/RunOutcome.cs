using Functional.NN.Experiments;
using Functional.NN.Experiments.Runs;
using Functional.NN.App.Cli;
using LanguageExt;

namespace Functional.NN.App.Runs;

/// <summary>Turns the result of <c>train</c> or <c>resume</c> into what the user sees and the exit code.</summary>
internal static class RunOutcome
{
    /// <summary>
    /// On success, calls <paramref name="show"/> and returns 0; on failure, writes <c>fnn: error: …</c> on one
    /// line to <paramref name="error"/> and returns <see cref="CommandLineRunner.Failure"/>.
    /// </summary>
    public static int Report<T>(Fin<T> result, TextWriter error, Action<T> show) =>
        result.Match(
            Succ: value =>
            {
                show(value);
                return 0;
            },
            Fail: e =>
            {
                error.WriteLine(ErrorLine.Of(e.Message));
                return CommandLineRunner.Failure;
            });

    /// <summary>
    /// Shows the summary of a finished run (exit 0), or, for an interrupted one, only a one-line error saying what
    /// to run to continue, in the invocation style of this process (<see cref="ResumeHint"/>; exit
    /// <see cref="CommandLineRunner.Failure"/>).
    /// </summary>
    public static int ReportRun(Fin<RunReport> result, TextWriter output, TextWriter error) =>
        !result.Map(r => r.Completed).IfFail(true)
            ? Interrupted(result.ThrowIfFail(), error)
            : Report(result, error, run => RunSummary.Write(output, run.Result));

    private static int Interrupted(RunReport run, TextWriter error)
    {
        error.WriteLine(ErrorLine.Of($"interrupted at step {run.Steps} ({run.EpochsCompleted} epochs completed); " +
                                     $"continue with: {ResumeHint.For(run.Directory)}"));
        return CommandLineRunner.Failure;
    }

}
