namespace Functional.NN.Tests.Readme;

/// <summary>A fenced block of the README: the line of its opening fence and its language tag (empty when it has none).</summary>
/// <param name="Line">The README line number of the opening fence.</param>
/// <param name="Language">The word after the fence (<c>bash</c>, <c>console</c>, <c>csharp</c>, ...), or empty.</param>
/// <param name="EndLine">The README line number of the closing fence.</param>
internal sealed record ReadmeBlock(int Line, string Language, int EndLine);

/// <summary>One command line of a shell block: what a reader would type, without its comment and prompt.</summary>
/// <param name="Line">The README line number.</param>
/// <param name="Block">The block the line is in.</param>
/// <param name="Command">The command, its comment after <c>#</c> removed and spaces trimmed.</param>
/// <param name="Comment">The comment after the command (without the <c>#</c>), or empty.</param>
internal sealed record ReadmeShellLine(int Line, ReadmeBlock Block, string Command, string Comment)
{
    /// <summary>The command's words, split as a POSIX shell would (quotes, no expansion).</summary>
    public List<string> Words => ReadmeCommands.ShellWords(Command);

    /// <summary>
    /// True for a line <see cref="ReadmeCommandTests"/> runs: one that starts with <c>fnn</c>, or runs it through
    /// <c>mpirun</c>.
    /// </summary>
    public bool IsFnn => Words is var words && words.IndexOf("fnn") is var at && (at == 0 || (at > 0 && words[0] == "mpirun"));
}

/// <summary>
/// Every fenced block of the README and every command line of its shell blocks (<c>bash</c>, <c>sh</c>, <c>shell</c>,
/// <c>console</c>; in console blocks the lines after a <c>$ </c> prompt). Fences may be indented (inside a list item).
/// </summary>
internal static class ReadmeBlocks
{
    /// <summary>The languages whose blocks hold commands.</summary>
    public static IReadOnlySet<string> ShellLanguages { get; } = new HashSet<string>(["bash", "sh", "shell", "console"]);

    /// <summary>The languages whose blocks hold no commands: code compiled by other tests, data, file contents, messages.</summary>
    public static IReadOnlySet<string> OtherLanguages { get; } = new HashSet<string>(["csharp", "fsharp", "json", "text"]);

    /// <summary>The fenced blocks of <paramref name="readme"/>, in order.</summary>
    public static IReadOnlyList<ReadmeBlock> Blocks(string readme)
    {
        var lines = Lines(readme);
        var blocks = new List<ReadmeBlock>();
        (int Line, string Language)? open = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimStart();
            if (!line.StartsWith("```", StringComparison.Ordinal)) continue;
            if (open is { } o)
            {
                blocks.Add(new ReadmeBlock(o.Line, o.Language, i + 1));
                open = null;
            }
            else open = (i + 1, line[3..].Trim());
        }
        if (open is { } unclosed) blocks.Add(new ReadmeBlock(unclosed.Line, unclosed.Language, lines.Length));
        return blocks;
    }

    /// <summary>Every command line of the shell blocks of <paramref name="readme"/>, in order; a line ending in <c>\</c> continues on the next.</summary>
    public static IReadOnlyList<ReadmeShellLine> ShellLines(string readme)
    {
        var lines = Lines(readme);
        var result = new List<ReadmeShellLine>();
        foreach (var block in Blocks(readme).Where(b => ShellLanguages.Contains(b.Language)))
        {
            for (var n = block.Line + 1; n < block.EndLine; n++)
            {
                var text = lines[n - 1].Trim();
                var start = n;
                while (text.EndsWith('\\') && n + 1 < block.EndLine) text = text[..^1].TrimEnd() + " " + lines[n++].Trim();
                if (block.Language == "console")
                {
                    if (!text.StartsWith("$ ", StringComparison.Ordinal)) continue;
                    text = text[2..];
                }
                var command = ReadmeCommands.WithoutComment(text).Trim();
                if (command.Length == 0) continue;
                result.Add(new ReadmeShellLine(start, block, command, text[ReadmeCommands.WithoutComment(text).Length..].TrimStart('#').Trim()));
            }
        }
        return result;
    }

    /// <summary>The paragraph of README text right after <paramref name="block"/>'s closing fence (blank lines before it skipped), up to the next blank line or block.</summary>
    public static string ParagraphAfter(string readme, ReadmeBlock block)
    {
        var lines = Lines(readme);
        return string.Join(' ', lines.Skip(block.EndLine).SkipWhile(l => l.Trim().Length == 0).TakeWhile(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith("```", StringComparison.Ordinal)));
    }

    private static string[] Lines(string readme) => readme.Replace("\r\n", "\n").Split('\n');
}
