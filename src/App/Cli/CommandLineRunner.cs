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
    public static int Run(RootCommand root, string[] args)
    {
        try
        {
            var parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                var messages = string.Join("; ", parse.Errors.Select(e => e.Message));
                Console.Error.WriteLine($"fnn: {OneLine(messages)} (see 'fnn --help')");
                return UsageError;
            }
            return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception e)
        {
            Console.Error.WriteLine(e); Console.Error.WriteLine($"fnn: error: {OneLine(e.Message)}");
            return Failure;
        }
    }

    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
