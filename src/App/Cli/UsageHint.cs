using System.CommandLine;
using System.CommandLine.Parsing;
using Functional.NN.Experiments.ExperimentFiles;

namespace Functional.NN.App.Cli;

/// <summary>
/// What a command line that does not parse gets told: System.CommandLine's messages, a "did you mean" for
/// each unknown command or option that is close to a known one (<see cref="KeySuggestion"/>), and the help of
/// the command that was being parsed (<c>fnn train --help</c>), not the whole tool's.
/// </summary>
internal static class UsageHint
{
    /// <summary>The one-line message for <paramref name="parse"/>, which has errors.</summary>
    public static string Of(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        var messages = parse.Errors.Select(e => e.Message).Distinct().ToList();
        foreach (var token in parse.UnmatchedTokens.Distinct())
        {
            var candidates = token.StartsWith('-')
                ? command.Options.SelectMany(o => o.Aliases.Prepend(o.Name))
                : command.Subcommands.SelectMany(c => c.Aliases.Prepend(c.Name));
            if (KeySuggestion.Nearest(token, candidates.Distinct().ToList()) is { } near)
                messages.Add($"did you mean '{near}' for '{Experiments.Storage.Echo.Clip(token, 60)}'?");
        }
        return $"{string.Join("; ", messages)} (see '{Path(parse.CommandResult)} --help')";
    }

    private static string Path(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? r = result; r is CommandResult c; r = c.Parent)
            names.Add(c.Command is RootCommand ? "fnn" : c.Command.Name);
        names.Reverse();
        return string.Join(' ', names);
    }
}
