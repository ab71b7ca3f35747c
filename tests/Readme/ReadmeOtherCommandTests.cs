using System.Text.RegularExpressions;
using Xunit;
using Xunit.Abstractions;

namespace Functional.NN.Tests.Readme;

/// <summary>
/// Every command block of the README is covered: <c>fnn</c> lines run in <see cref="ReadmeCommandTests"/>, and every
/// other command line is in <see cref="ReadmeOtherCommands"/>, which runs it (as printed, with a cheap argument, or as
/// printed only with <c>FNN_README_SLOW=1</c>) or checks what it calls and says why it is not run. A new command line,
/// or a fenced block without a known language, fails here until it is covered.
/// </summary>
public sealed class ReadmeOtherCommandTests(ITestOutputHelper log)
{
    private static string Readme => File.ReadAllText(Path.Combine(ReadmeCommandTests.RepositoryRoot(), "README.md"));

    [Fact]
    public void Every_fenced_block_of_the_readme_has_a_known_language()
    {
        var unknown = ReadmeBlocks.Blocks(Readme)
            .Where(b => !ReadmeBlocks.ShellLanguages.Contains(b.Language) && !ReadmeBlocks.OtherLanguages.Contains(b.Language))
            .Select(b => $"line {b.Line}: '```{b.Language}'").ToList();
        Assert.True(unknown.Count == 0, "README blocks whose language no test knows (tag them; shell blocks are run or checked): " + string.Join("; ", unknown));
    }

    [Fact]
    public void Every_command_line_of_the_readme_is_an_fnn_line_or_listed_with_how_it_is_covered()
    {
        var lines = ReadmeBlocks.ShellLines(Readme);
        var uncovered = Uncovered(lines);
        Assert.True(uncovered.Count == 0, "README command lines that no test runs or checks (add them to ReadmeOtherCommands with how they are covered): "
                                          + string.Join("; ", uncovered.Select(l => $"line {l.Line}: {l.Command}")));
        var run = ReadmeCommands.Parse(Readme).Select(c => c.Line).ToList();
        Assert.Equal(lines.Where(l => l.IsFnn).Select(l => l.Line), run); // every fnn line is one ReadmeCommandTests runs
        var stale = ReadmeOtherCommands.All.Where(c => !lines.Any(l => Same(l.Command, c.Command))).ToList();
        Assert.True(stale.Count == 0, "ReadmeOtherCommands lists commands the README no longer has: " + string.Join("; ", stale));
        log.WriteLine($"{lines.Count(l => l.IsFnn)} fnn lines (ReadmeCommandTests), {lines.Count(l => !l.IsFnn)} other lines (ReadmeOtherCommands)");
    }

    [Fact]
    public void A_new_command_block_that_no_test_covers_is_found()
    {
        var readme = string.Join('\n', "```bash", "fnn train a.json", "dotnet test Functional.NN.sln   # the suite", "```",
            "- item", "  ```sh", "  scripts/new-check.sh --all \\", "    --fast", "  ```", "```console", "$ make all", "output", "```");
        var uncovered = Uncovered(ReadmeBlocks.ShellLines(readme));
        Assert.Equal(["scripts/new-check.sh --all --fast", "make all"], uncovered.Select(l => l.Command));
        Assert.Equal([7, 11], uncovered.Select(l => l.Line));
    }

    [Fact]
    public void Lines_that_are_checked_not_run_say_so_beside_their_block()
    {
        var readme = Readme;
        var lines = ReadmeBlocks.ShellLines(readme);
        foreach (var entry in ReadmeOtherCommands.All.Where(c => c.CheckedNotRun))
        {
            var line = lines.First(l => Same(l.Command, entry.Command));
            var after = ReadmeBlocks.ParagraphAfter(readme, line.Block);
            Assert.True(after.Contains("checked, not run", StringComparison.OrdinalIgnoreCase),
                $"README line {line.Line} ({entry.Command}) is checked, not run: the paragraph after its block must say so and why, but it reads: {after}");
        }
    }

    /// <summary>The commands of <see cref="ReadmeOtherCommands"/>, one test case each.</summary>
    public static TheoryData<string> Commands => [.. ReadmeOtherCommands.All.Select(c => c.Command)];

    /// <summary>The commands that also run with <c>FNN_README_SLOW=1</c>.</summary>
    public static TheoryData<string> SlowCommands => [.. ReadmeOtherCommands.All.Where(c => c.Slow is not null).Select(c => c.Command)];

    [Theory]
    [MemberData(nameof(Commands))]
    public void Each_other_command_is_run_or_checked(string command)
    {
        var entry = ReadmeOtherCommands.All.Single(c => c.Command == command);
        log.WriteLine(entry.How);
        entry.Fast(new ReadmeCheck(ReadmeCommandTests.RepositoryRoot(), log));
    }

    [SkippableTheory]
    [MemberData(nameof(SlowCommands))]
    public void Every_slow_other_command_runs(string command)
    {
        Skip.IfNot(Environment.GetEnvironmentVariable(ReadmeCommandTests.SlowVariable) == "1",
            $"set {ReadmeCommandTests.SlowVariable}=1 (CI does, in Release) to run '{command}'");
        var entry = ReadmeOtherCommands.All.Single(c => c.Command == command);
        log.WriteLine(entry.How);
        entry.Slow!(new ReadmeCheck(ReadmeCommandTests.RepositoryRoot(), log));
    }

    private static List<ReadmeShellLine> Uncovered(IReadOnlyList<ReadmeShellLine> lines) =>
        lines.Where(l => !l.IsFnn && !ReadmeOtherCommands.All.Any(c => Same(l.Command, c.Command))).ToList();

    private static bool Same(string a, string b) => Spaced(a) == Spaced(b);

    private static string Spaced(string text) => Regex.Replace(text, @"\s+", " ").Trim();
}
