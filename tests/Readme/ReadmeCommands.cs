namespace Functional.NN.Tests.Readme;

/// <summary>One <c>fnn</c> command line of the README, with the output lines printed under it (console blocks).</summary>
/// <param name="Line">The README line number of the command.</param>
/// <param name="Launcher">The words before <c>fnn</c> when a launcher starts it (<c>mpirun -np 2</c>), else empty.</param>
/// <param name="Arguments">The arguments after <c>fnn</c>, split as a POSIX shell would (quotes, no expansion).</param>
/// <param name="PrintedOutput">The lines the README shows as its output, without the ones elided with '…'.</param>
internal sealed record ReadmeCommand(int Line, IReadOnlyList<string> Launcher, IReadOnlyList<string> Arguments, IReadOnlyList<string> PrintedOutput)
{
    /// <summary>The command as the README writes it.</summary>
    public override string ToString() => string.Join(' ', [.. Launcher, "fnn", .. Arguments]);
}

/// <summary>
/// The shell commands of README.md: every line of a <c>bash</c> or <c>console</c> fenced block that runs
/// <c>fnn</c>, directly or through <c>mpirun</c> (in console blocks, after a <c>$ </c> prompt), in the order of the file. Comments after <c>#</c>
/// and the exit-code note of a failing example are dropped; the other lines of a console block are output.
/// </summary>
internal static class ReadmeCommands
{
    /// <summary>The fnn commands of the README text, in order.</summary>
    public static IReadOnlyList<ReadmeCommand> Parse(string readme)
    {
        var lines = readme.Replace("\r\n", "\n").Split('\n');
        var commands = new List<ReadmeCommand>();
        string? language = null;
        (int Line, List<string> Launcher, List<string> Arguments, List<string> Output)? open = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                Close();
                language = language is null ? line.TrimStart()[3..].Trim() : null;
                continue;
            }
            if (language is null || !ReadmeBlocks.ShellLanguages.Contains(language)) continue;
            var prompt = language == "console";
            var command = prompt ? (line.TrimStart().StartsWith("$ ", StringComparison.Ordinal) ? line.TrimStart()[2..] : null) : line.Trim();
            if (command is null)
            {
                if (open is { } o && line.Trim() != "…" && !line.Contains('…')) o.Output.Add(line);
                continue;
            }
            Close();
            var words = ShellWords(WithoutComment(command));
            var fnn = words.IndexOf("fnn");
            if (fnn == 0 || (fnn > 0 && words[0] == "mpirun")) open = (i + 1, words.Take(fnn).ToList(), words.Skip(fnn + 1).ToList(), []);
        }
        Close();
        return commands;

        void Close()
        {
            if (open is { } o) commands.Add(new ReadmeCommand(o.Line, o.Launcher, o.Arguments, o.Output.Where(l => l.Trim().Length > 0).ToList()));
            open = null;
        }
    }

    /// <summary>The line without its shell comment (a <c>#</c> at the start of a word, outside quotes).</summary>
    internal static string WithoutComment(string line)
    {
        var quote = '\0';
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote != '\0') { if (c == quote) quote = '\0'; }
            else if (c is '\'' or '"') quote = c;
            else if (c == '#' && (i == 0 || char.IsWhiteSpace(line[i - 1]))) return line[..i];
        }
        return line;
    }

    /// <summary>The words of <paramref name="text"/> as a POSIX shell splits them (quotes removed, no expansion).</summary>
    internal static List<string> ShellWords(string text)
    {
        var words = new List<string>();
        var current = new System.Text.StringBuilder();
        var (quote, inWord) = ('\0', false);
        foreach (var c in text)
        {
            if (quote != '\0')
            {
                if (c == quote) quote = '\0'; else current.Append(c);
            }
            else if (c is '\'' or '"') (quote, inWord) = (c, true);
            else if (char.IsWhiteSpace(c))
            {
                if (inWord) words.Add(current.ToString());
                current.Clear();
                inWord = false;
            }
            else
            {
                current.Append(c);
                inWord = true;
            }
        }
        if (inWord) words.Add(current.ToString());
        return words;
    }
}
