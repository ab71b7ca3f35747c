using System.CommandLine;
using System.Globalization;
using Functional.NN.App.Demo;
using Functional.NN.App.Output;

namespace Functional.NN.App.Commands;

/// <summary><c>fnn demo</c>: the tutorial's worked example, step by step, every number computed by Functional.NN.</summary>
internal static class DemoCommand
{
    /// <summary>The tutorial's number of iterations in Step 3.</summary>
    public const int DefaultIterations = WorkedExample.TutorialIterations;

    /// <summary>The <c>demo</c> command with its options.</summary>
    public static Command Create()
    {
        var iterations = new Option<int>("--iterations")
        {
            Description = "Number of updates in Step 3 (the tutorial uses 10000).",
            DefaultValueFactory = _ => DefaultIterations,
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Join(" ", result.Tokens.Select(t => t.Value));
                if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count >= 1) return count;
                result.AddError($"--iterations must be a whole number of at least 1, got '{text}'");
                return DefaultIterations;
            },
        };
        var command = new Command("demo", "Walk through the tutorial's worked example: forward pass, chain rule, gradients, one update, then iterations under four update rules side by side.")
        {
            iterations,
        };
        command.SetAction(parse => Run(parse.InvocationConfiguration.Output, parse.GetValue(iterations)));
        return command;
    }

    /// <summary>Writes the worked example to <paramref name="output"/>; returns the exit code.</summary>
    public static int Run(TextWriter output, int iterations)
    {
        var report = new ReportWriter(output);
        WorkedExampleReport.Write(report, WorkedExample.FromTutorial(), iterations);
        return 0;
    }
}
