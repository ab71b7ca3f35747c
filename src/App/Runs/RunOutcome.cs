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
    /// Shows the summary of a finished run (exit 0), or of an interrupted one (exit
    /// <see cref="CommandLineRunner.Failure"/>, with a one-line error saying how to continue).
    /// </summary>
    public static int ReportRun(Fin<RunResult> result, TextWriter output, TextWriter error) =>
        Report(result, error, run => RunSummary.Write(output, run)) is var code && code == 0 && result.Map(r => r.End).IfFail(RunEnd.Completed) == RunEnd.Interrupted
            ? Interrupted(result, error)
            : code;

    private static int Interrupted(Fin<RunResult> result, TextWriter error)
    {
        var run = result.ThrowIfFail();
        error.WriteLine(ErrorLine.Of($"interrupted at step {run.Manifest.Steps}; continue with 'fnn resume {run.Directory.Path}'"));
        return CommandLineRunner.Failure;
    }

}
