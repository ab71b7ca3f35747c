using System.Diagnostics;
using System.Text.RegularExpressions;
using Functional.NN.App.Commands;
using Xunit;
using Xunit.Abstractions;
using Functional.NN.Tests.App;

namespace Functional.NN.Tests.Readme;

/// <summary>
/// The README runs as printed: every <c>fnn</c> command of its shell blocks runs, in order, in one fresh
/// directory holding a copy of <c>examples/</c>, and must exit 0; in console blocks every output line the
/// README prints must appear in the command's output (spacing aside).
/// </summary>
public sealed class ReadmeCommandTests(ITestOutputHelper log)
{
    [Fact]
    public void Parser_reads_commands_comments_quotes_and_console_output()
    {
        var readme = string.Join('\n',
            "text fnn not-a-command", "```bash", "fnn train a.json --out 'runs/x y'   # note", "dotnet test", "```",
            "```console", "$ fnn evaluate m.fnn", "  loss = 0.5", "  …", "$ echo hi", "hi", "```", "```json", "fnn no", "```",
            "```bash", "mpirun -np 2 fnn train b.json", "srun -N 4 fnn train c.json", "```");
        var commands = ReadmeCommands.Parse(readme);
        Assert.Equal(3, commands.Count);
        Assert.Equal(["mpirun", "-np", "2"], commands[2].Launcher);
        Assert.Equal(["train", "b.json"], commands[2].Arguments);
        Assert.Empty(commands[0].Launcher);
        Assert.Equal(["train", "a.json", "--out", "runs/x y"], commands[0].Arguments);
        Assert.Equal(3, commands[0].Line);
        Assert.Empty(commands[0].PrintedOutput);
        Assert.Equal(["evaluate", "m.fnn"], commands[1].Arguments);
        Assert.Equal(["  loss = 0.5"], commands[1].PrintedOutput);
    }

    /// <summary>Set to 1 to run the slow commands (Fashion-MNIST training, benchmarks): CI does, in a Release build.</summary>
    public const string SlowVariable = "FNN_README_SLOW";

    [Fact]
    public void Every_fast_fnn_command_of_the_readme_runs_as_printed()
    {
        var commands = ReadmeCommands.Parse(File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md")));
        Assert.True(commands.Count >= 10, $"only {commands.Count} fnn commands found in README.md");
        var slow = commands.Where(IsSlow).ToList();
        log.WriteLine($"{commands.Count - slow.Count} fast commands run here; {slow.Count} slow ones run with {SlowVariable}=1: "
            + string.Join("; ", slow.Select(c => $"line {c.Line}: {c}")));
        RunInOrder(commands.Where(c => !IsSlow(c)).ToList());
    }

    [SkippableFact]
    public void Every_slow_fnn_command_of_the_readme_runs_as_printed()
    {
        Skip.IfNot(Environment.GetEnvironmentVariable(SlowVariable) == "1", $"set {SlowVariable}=1 (CI does, in Release) to run the Fashion-MNIST and benchmark commands");
        var commands = ReadmeCommands.Parse(File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md")));
        RunInOrder(commands.Where(IsSlow).ToList());
    }

    /// <summary>
    /// Commands that take minutes (training on Fashion-MNIST, the benchmarks) or need Open MPI's <c>mpirun</c>, which
    /// CI installs (<c>.ci/run</c>).
    /// </summary>
    private static bool IsSlow(ReadmeCommand command) =>
        command.Launcher.Count > 0 || command.Arguments.FirstOrDefault() == "bench"
        || command.Arguments.Any(a => a.Contains("fashion-mnist", StringComparison.Ordinal));

    private void RunInOrder(IReadOnlyList<ReadmeCommand> commands)
    {
        var root = RepositoryRoot();
        using var work = new TempDirectory();
        CopyDirectory(Path.Combine(root, "examples"), Path.Combine(work.Path, "examples"));
        var shared = Path.GetFullPath(Path.Combine(root, "..", "shared")) + Path.DirectorySeparatorChar;
        foreach (var command in commands)
        {
            var arguments = command.Arguments.Select(a => a.Replace("../shared/", shared)).ToList();
            var clock = Stopwatch.StartNew();
            var (code, text) = Fnn(work.Path, command.Launcher, arguments);
            log.WriteLine($"README line {command.Line}: {command} -> exit {code}, {clock.Elapsed.TotalSeconds:F1} s");
            Assert.True(code == 0, $"README line {command.Line}: {command} exited with {code}:\n{text}");
            var actual = Normalized(text);
            foreach (var printed in command.PrintedOutput)
                Assert.True(actual.Contains(Normalized(printed)),
                    $"README line {command.Line}: the README prints\n  {printed.Trim()}\nbut {command} printed:\n{text}");
        }
    }

    private static string Normalized(string text) => Regex.Replace(text, @"\s+", " ").Trim();

    /// <summary>Runs the built fnn (<c>dotnet fnn.dll</c>), through the launcher when there is one (as root, as CI runs).</summary>
    private static (int Code, string Text) Fnn(string directory, IReadOnlyList<string> launcher, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(launcher.Count > 0 ? launcher[0] : "dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = directory,
        };
        if (launcher.Count > 0)
        {
            foreach (var word in launcher.Skip(1)) start.ArgumentList.Add(word);
            start.ArgumentList.Add("dotnet");
            start.Environment["OMPI_ALLOW_RUN_AS_ROOT"] = "1";
            start.Environment["OMPI_ALLOW_RUN_AS_ROOT_CONFIRM"] = "1";
        }
        start.ArgumentList.Add(typeof(TrainCommand).Assembly.Location);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, text + error.Result);
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var directory in Directory.GetDirectories(from)) CopyDirectory(directory, Path.Combine(to, Path.GetFileName(directory)));
    }

    /// <summary>The checkout: the folder above the test binaries that holds <c>Functional.NN.sln</c>.</summary>
    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Functional.NN.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Functional.NN.sln not found above the test binaries");
    }
}
