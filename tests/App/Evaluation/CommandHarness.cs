using System.CommandLine;
using Functional.NN.App.Cli;
using Functional.NN.App.Commands;

namespace Functional.NN.Tests.App.Evaluation;

/// <summary>What a command wrote and returned.</summary>
/// <param name="ExitCode">The process exit code.</param>
/// <param name="Output">Everything written to standard output.</param>
/// <param name="Error">Everything written to standard error.</param>
public sealed record CommandRun(int ExitCode, string Output, string Error)
{
    /// <summary>The non-empty lines of <see cref="Error"/>.</summary>
    public IReadOnlyList<string> ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <inheritdoc />
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}

/// <summary>Runs <c>fnn</c> commands in-process, through <see cref="CommandLineRunner"/>, capturing their output.</summary>
public static class CommandHarness
{
    /// <summary>Parses and runs <paramref name="args"/> as <c>fnn</c> would.</summary>
    public static CommandRun Run(params string[] args)
    {
        var root = new RootCommand("fnn (test harness)")
        {
            EvaluateCommand.Create(),
            PredictCommand.Create(),
            GradcheckCommand.Create(),
            ExportSafetensorsCommand.Create(),
            ImportSafetensorsCommand.Create(),
        };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CommandLineRunner.Run(root, args, output, error);
        return new CommandRun(code, output.ToString(), error.ToString());
    }
}
