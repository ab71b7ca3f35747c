using Functional.NN.Experiments;
using Functional.NN.App.Commands;
using Functional.NN.Training;

namespace Functional.NN.Tests.App.Runs;

/// <summary>Runs <c>train</c> and <c>resume</c> in-process, capturing their output and exit code.</summary>
public static class CommandRun
{
    /// <summary>The exit code, standard output and standard error of <c>fnn train</c>.</summary>
    public static (int Code, string Output, string Error) Train(string experiment, string outDirectory, bool force = false,
        bool dryRun = false, int? epochs = null, Func<RunPosition, bool>? interrupt = null)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var code = TrainCommand.Run(new TrainCommand.Request(experiment, epochs, null, outDirectory, force, Quiet: false, dryRun),
            output, error, live: false, interrupt);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>The exit code, standard output and standard error of <c>fnn resume</c>.</summary>
    public static (int Code, string Output, string Error) Resume(string runDirectory, Func<RunPosition, bool>? interrupt = null)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var code = ResumeCommand.Run(runDirectory, quiet: false, output, error, live: false, interrupt);
        return (code, output.ToString(), error.ToString());
    }
}
