using System.CommandLine;

namespace Functional.NN.App.Cli;

/// <summary>
/// Parses the arguments, runs the chosen command, and turns every failure into one line on standard
/// error and a non-zero exit code: 2 for a command line that does not parse, 1 for a command that fails.
/// </summary>
internal static class CommandLineRunner
{
    /// <summary>Exit code of a command line that could not be parsed.</summary>
    public const int UsageError = 2;

    /// <summary>Exit code of a command that failed while running.</summary>
    public const int Failure = 1;

    /// <summary>Runs <paramref name="root"/> on <paramref name="args"/> and returns the process exit code.</summary>
    public static int Run(RootCommand root, string[] args) => Run(root, args, Console.Out, Console.Error);

    /// <summary>
    /// Runs <paramref name="root"/> on <paramref name="args"/> with the commands writing to
    /// <paramref name="output"/> and every error going to <paramref name="error"/>; returns the exit code.
    /// </summary>
    public static int Run(RootCommand root, string[] args, TextWriter output, TextWriter error)
    {
        try
        {
            var parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                error.WriteLine(ErrorLine.Of(UsageHint.Of(parse)));
                return UsageError;
            }
            return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false, Output = output, Error = error });
        }
        catch (Exception e)
        {
            return Fail(error, e.Message);
        }
    }

    /// <summary>Writes <c>fnn: error: MESSAGE</c> as one line to <paramref name="error"/> and returns <see cref="Failure"/>.</summary>
    public static int Fail(TextWriter error, string message)
    {
        error.WriteLine(ErrorLine.Of(message));
        return Failure;
    }
}
