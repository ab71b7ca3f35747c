using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Functional.NN.App.Commands;
using Functional.NN.Tests.App;
using Xunit;
using Xunit.Abstractions;

namespace Functional.NN.Tests.Readme;

/// <summary>
/// The runs and checks behind <see cref="ReadmeOtherCommands"/>: each either runs a README line (as printed, or with
/// a cheap argument) or checks that what the line calls exists, parses and accepts the line's options.
/// </summary>
internal sealed class ReadmeCheck(string root, ITestOutputHelper log)
{
    /// <summary>The README's shell function, as printed.</summary>
    public const string FnnFunction = "fnn() { dotnet run -c Release --project src/App -- \"$@\"; }";

    /// <summary><c>.ci/run</c> parses and has a command line (not a comment) that runs <paramref name="command"/> as printed.</summary>
    public void CiRuns(string command)
    {
        ParsesInBash(".ci/run");
        var lines = File.ReadAllLines(Path.Combine(root, ".ci/run")).Select(l => l.Trim()).Where(l => !l.StartsWith('#'));
        var pattern = new Regex($@"(^|[\s!(]){Regex.Escape(command)}($|[\s|;)])");
        Assert.True(lines.Any(l => pattern.IsMatch(l)), $".ci/run no longer runs '{command}' as the README prints it");
    }

    /// <summary><c>.ci/run</c>'s <c>APT_PACKAGES</c> list names every one of <paramref name="packages"/>.</summary>
    public void CiInstalls(params string[] packages)
    {
        var text = File.ReadAllText(Path.Combine(root, ".ci/run"));
        var list = Regex.Match(text, @"APT_PACKAGES=\((.*?)\n\)", RegexOptions.Singleline);
        Assert.True(list.Success, ".ci/run has no APT_PACKAGES=( ... ) list");
        var names = list.Groups[1].Value.Split('\n').Select(l => l.Split('#')[0].Trim()).Where(l => l.Length > 0).ToHashSet();
        foreach (var package in packages)
            Assert.True(names.Contains(package), $".ci/run's APT_PACKAGES does not install {package} (it has {string.Join(", ", names)})");
    }

    /// <summary>The function definition parses in bash, defines a function <c>fnn</c>, and the project it runs exists.</summary>
    public void ShellFunctionDefinesFnn()
    {
        Assert.True(File.Exists(Path.Combine(root, "src/App/App.csproj")), "src/App/App.csproj is missing");
        var (code, text) = Run("bash", ["-c", FnnFunction + "\ntype -t fnn"], root);
        Assert.Equal((0, "function"), (code, text.Trim()));
    }

    /// <summary>The function, defined as printed, runs <c>fnn --help</c>.</summary>
    public void ShellFunctionRuns()
    {
        var (code, text) = Run("bash", ["-c", FnnFunction + "\nfnn --help"], root, TimeSpan.FromMinutes(10));
        Assert.True(code == 0 && text.Contains("export-safetensors", StringComparison.Ordinal), $"fnn --help through the README's function exited {code}:\n{text}");
    }

    /// <summary>The tool the install line names is what src/App packs and what scripts/pack-and-consume.sh installs; the SDK accepts the line's options.</summary>
    public void ToolInstallIsChecked()
    {
        var project = File.ReadAllText(Path.Combine(root, "src/App/App.csproj"));
        foreach (var property in new[] { "<PackAsTool>true</PackAsTool>", "<PackageId>fnn</PackageId>", "<ToolCommandName>fnn</ToolCommandName>" })
            Assert.True(project.Contains(property, StringComparison.Ordinal), $"src/App/App.csproj lacks {property}");
        var script = File.ReadAllText(Path.Combine(root, "scripts/pack-and-consume.sh"));
        Assert.Matches(new Regex(@"\n[^#\n]*DOTNET_CLI_HOME=\S+ dotnet tool install --global --add-source \S+ fnn\)?\n"), script);
        var (code, help) = Run("dotnet", ["tool", "install", "--help"], root);
        Assert.Equal(0, code);
        foreach (var option in new[] { "--global", "--add-source", "--tool-path" })
            Assert.True(help.Contains(option, StringComparison.Ordinal), $"'dotnet tool install --help' does not list {option}:\n{help}");
    }

    /// <summary>The script is executable, parses, and its usage line and option cases name every one of <paramref name="options"/>.</summary>
    public void ScriptAccepts(string script, IReadOnlyList<string> options)
    {
        ParsesInBash(script);
        var text = File.ReadAllText(Path.Combine(root, script));
        var usage = string.Join('\n', text.Split('\n').Where(l => l.Contains("usage", StringComparison.OrdinalIgnoreCase)));
        foreach (var option in options)
        {
            Assert.True(usage.Contains(option, StringComparison.Ordinal), $"{script}: the usage text does not name {option}");
            Assert.True(text.Contains($"{option})", StringComparison.Ordinal), $"{script}: no case reads {option}");
        }
    }

    /// <summary><c>bash scripts/bench-vs-pytorch.sh</c> with one repeat of the seed workload on one thread: one line from each side and the table.</summary>
    public void BenchVsPytorchRuns()
    {
        var (torch, why) = Run("/usr/bin/python3", ["-c", "import torch, numpy"], root);
        Assert.True(torch == 0, $"/usr/bin/python3 cannot import torch and numpy (.ci/run installs python3-torch and python3-numpy):\n{why}");
        using var work = new TempDirectory();
        var output = work.File("bench.jsonl");
        var (code, text) = Run("bash", ["scripts/bench-vs-pytorch.sh", "--repeats", "1", "--threads", "1", "--workloads", "seed", "--out", output], root, TimeSpan.FromMinutes(15));
        Assert.True(code == 0, $"bash scripts/bench-vs-pytorch.sh exited {code}:\n{text}");
        var lines = File.ReadAllLines(output).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(2, lines.Count);
        Assert.All(lines, l => Assert.Equal("seed", l.GetProperty("bench").GetString()));
        Assert.Contains("seed", text, StringComparison.Ordinal);
    }

    /// <summary>tests/Benchmarks exists and <paramref name="filter"/> (BenchmarkDotNet's glob over full names) matches the class <paramref name="benchmark"/>.</summary>
    public void BenchmarksProject(string filter, string benchmark)
    {
        Assert.True(File.Exists(Path.Combine(root, "tests/Benchmarks/Functional.NN.Benchmarks.csproj")), "tests/Benchmarks/Functional.NN.Benchmarks.csproj is missing");
        Assert.Contains(Directory.GetFiles(Path.Combine(root, "tests/Benchmarks"), "*.cs"),
            f => File.ReadAllText(f).Contains($"public class {benchmark}", StringComparison.Ordinal));
        var glob = new Regex("^" + Regex.Escape(filter).Replace(@"\*", ".*") + "$");
        Assert.Matches(glob, $"Functional.NN.Benchmarks.{benchmark}.Method");
    }

    /// <summary>
    /// The README's benchmark line, with <c>--list flat</c> added unless it lists already: exits 0 and lists every one of
    /// <paramref name="benchmarks"/> (BenchmarkDotNet exits 0 even on options it rejects, so the listing is what counts).
    /// </summary>
    public void BenchmarksList(string line, params string[] benchmarks)
    {
        var command = line.Contains("--list", StringComparison.Ordinal) ? line : line + " --list flat";
        var (code, text) = Run("bash", ["-c", command], root, TimeSpan.FromMinutes(15));
        Assert.True(code == 0, $"{command} exited {code}:\n{text}");
        foreach (var benchmark in benchmarks)
            Assert.True(text.Contains($"Functional.NN.Benchmarks.{benchmark}.", StringComparison.Ordinal), $"{command} does not list {benchmark}:\n{text}");
    }

    /// <summary>The built fnn, in a folder holding a copy of <c>examples/</c>, accepts <paramref name="arguments"/> (exit code 0).</summary>
    public void FnnPartAccepts(IReadOnlyList<string> arguments)
    {
        using var work = new TempDirectory();
        var examples = Path.Combine(work.Path, "examples");
        Directory.CreateDirectory(examples);
        foreach (var file in Directory.GetFiles(Path.Combine(root, "examples"), "*.json")) File.Copy(file, Path.Combine(examples, Path.GetFileName(file)));
        var (code, text) = Run("dotnet", [typeof(TrainCommand).Assembly.Location, .. arguments], work.Path);
        Assert.True(code == 0, $"fnn {string.Join(' ', arguments)} exited {code}:\n{text}");
    }

    /// <summary>scripts/mutation.sh is executable and parses, dotnet-stryker is a local tool, and each folder is one stryker-config.json mutates.</summary>
    public void MutationIsConfigured(IReadOnlyList<string> folders)
    {
        ParsesInBash("scripts/mutation.sh");
        Assert.Contains("\"dotnet-stryker\"", File.ReadAllText(Path.Combine(root, ".config/dotnet-tools.json")), StringComparison.Ordinal);
        var mutate = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "stryker-config.json")))
            .RootElement.GetProperty("stryker-config").GetProperty("mutate").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.NotEmpty(mutate);
        foreach (var folder in folders)
        {
            Assert.True(Directory.Exists(Path.Combine(root, "src/Core", folder)), $"src/Core/{folder} does not exist");
            Assert.Contains($"**/{folder}/**/*.cs", mutate);
        }
    }

    /// <summary><c>scripts/mutation.sh --report FILE</c> on a report of four mutants in two folders prints their table and the survivor.</summary>
    public void MutationReportRuns()
    {
        using var work = new TempDirectory();
        var report = Path.Combine(work.Path, "tests/StrykerOutput/run/reports/mutation-report.json");
        Directory.CreateDirectory(Path.GetDirectoryName(report)!);
        static string Mutant(string status, int line) =>
            "{\"status\": \"" + status + "\", \"mutatorName\": \"Arithmetic\", \"replacement\": \"a - b\", \"location\": {\"start\": {\"line\": " + line + "}}}";
        File.WriteAllText(report,
            "{\"files\": {\"src/Core/Passes/ForwardPass.cs\": {\"mutants\": [" + Mutant("Killed", 3) + ", " + Mutant("Timeout", 4) + ", " + Mutant("Survived", 5) + "]}, " +
            "\"src/Core/Losses/Loss.cs\": {\"mutants\": [" + Mutant("Killed", 7) + "]}}}");
        var (code, text) = Run(Path.Combine(root, "scripts/mutation.sh"), ["--report", report], root);
        Assert.True(code == 0, $"scripts/mutation.sh --report exited {code}:\n{text}");
        Assert.Contains("| Passes | 1 | 1 | 1 | 0 | 0 | 0 | 66.7% |", text, StringComparison.Ordinal);
        Assert.Contains("| Losses | 1 | 0 | 0 | 0 | 0 | 0 | 100.0% |", text, StringComparison.Ordinal);
        Assert.Contains("| **all** | 2 | 1 | 1 | 0 | 0 | 0 | **75.0%** |", text, StringComparison.Ordinal);
        Assert.Matches(@"Passes/ForwardPass\.cs:5\s+Survived", text);
    }

    /// <summary>
    /// <c>scripts/mutation.sh --report losses-passes.json optimizers.json</c> as printed, run where the test writes two
    /// small reports under those names: one table over both runs.
    /// </summary>
    public void MutationReportsRun()
    {
        using var work = new TempDirectory();
        static string Mutant(string status, int line) =>
            "{\"status\": \"" + status + "\", \"mutatorName\": \"Arithmetic\", \"replacement\": \"a - b\", \"location\": {\"start\": {\"line\": " + line + "}}}";
        File.WriteAllText(Path.Combine(work.Path, "losses-passes.json"),
            "{\"files\": {\"src/Core/Passes/ForwardPass.cs\": {\"mutants\": [" + Mutant("Killed", 3) + ", " + Mutant("Survived", 5) + "]}, " +
            "\"src/Core/Losses/Loss.cs\": {\"mutants\": [" + Mutant("Killed", 7) + "]}}}");
        File.WriteAllText(Path.Combine(work.Path, "optimizers.json"),
            "{\"files\": {\"src/Core/Optimizers/Optimizer.cs\": {\"mutants\": [" + Mutant("Killed", 9) + ", " + Mutant("Timeout", 11) + "]}}}");
        var (code, text) = Run(Path.Combine(root, "scripts/mutation.sh"), ["--report", "losses-passes.json", "optimizers.json"], work.Path);
        Assert.True(code == 0, $"scripts/mutation.sh --report (two runs) exited {code}:\n{text}");
        Assert.Contains("| Passes | 1 | 0 | 1 | 0 | 0 | 0 | 50.0% |", text, StringComparison.Ordinal);
        Assert.Contains("| Losses | 1 | 0 | 0 | 0 | 0 | 0 | 100.0% |", text, StringComparison.Ordinal);
        Assert.Contains("| Optimizers | 1 | 1 | 0 | 0 | 0 | 0 | 100.0% |", text, StringComparison.Ordinal);
        Assert.Contains("| **all** | 3 | 1 | 1 | 0 | 0 | 0 | **80.0%** |", text, StringComparison.Ordinal);
    }

    /// <summary>The script exists, is executable by its owner, and <c>bash -n</c> finds no syntax error.</summary>
    private void ParsesInBash(string script)
    {
        var path = Path.Combine(root, script);
        Assert.True(File.Exists(path), $"{script} is missing");
        Assert.True(OperatingSystem.IsWindows() || File.GetUnixFileMode(path).HasFlag(UnixFileMode.UserExecute), $"{script} is not executable");
        var (code, text) = Run("bash", ["-n", path], root);
        Assert.True(code == 0, $"bash -n {script}: {text}");
    }

    private (int Code, string Text) Run(string file, IReadOnlyList<string> arguments, string directory, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = directory,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{file} {string.Join(' ', arguments)} did not end within {(timeout ?? TimeSpan.FromMinutes(2)).TotalMinutes} minutes");
        }
        process.WaitForExit();
        log.WriteLine($"{file} {string.Join(' ', arguments)} -> exit {process.ExitCode}, {clock.Elapsed.TotalSeconds:F1} s");
        return (process.ExitCode, output.Result + error.Result);
    }
}
