using Functional.NN.Experiments.DataSources;
using System.CommandLine;

namespace Functional.NN.App.Cli;

/// <summary>
/// The <c>--data SPEC</c> option shared by the commands that read examples: its value is parsed by
/// <see cref="DataSourceSpec.Parse"/> while the command line is parsed, so a malformed spec is a usage
/// error (exit code 2) before anything is loaded.
/// </summary>
internal static class DataSourceOption
{
    /// <summary>The option name.</summary>
    public const string Name = "--data";

    /// <summary>A required <c>--data</c> option; <paramref name="purpose"/> starts its help text.</summary>
    public static Option<DataSource> Create(string purpose) => new(Name)
    {
        Description = $"{purpose} One of: {string.Join("; ", DataSourceSpec.Forms)}.",
        HelpName = "SPEC",
        Required = true,
        CustomParser = result =>
        {
            var text = string.Join(" ", result.Tokens.Select(t => t.Value));
            return DataSourceSpec.Parse(text).Match(
                Succ: source => source,
                Fail: error =>
                {
                    result.AddError($"{Name}: {error.Message}");
                    return null!;
                });
        },
    };
}
