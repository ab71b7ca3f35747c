namespace Functional.NN.Tests.Readme;

/// <summary>
/// A README command line that is not an <c>fnn</c> command (those <see cref="ReadmeCommandTests"/> runs), with how the
/// test suite covers it.
/// </summary>
/// <param name="Command">The command exactly as the README prints it, its comment removed.</param>
/// <param name="How">How it is covered, in words: what runs, what is checked, and why no more.</param>
/// <param name="Fast">Runs in every test run: the command itself (with a cheap argument where it says so), or checks of what it calls.</param>
/// <param name="Slow">Runs with <c>FNN_README_SLOW=1</c> (CI's Release step): the command as printed, or with a cheap argument; null when there is none.</param>
/// <param name="CheckedNotRun">True when no test runs the command: the README must say so beside its block (<c>checked, not run</c>).</param>
internal sealed record ReadmeOtherCommand(string Command, string How, Action<ReadmeCheck> Fast, Action<ReadmeCheck>? Slow = null, bool CheckedNotRun = false)
{
    /// <summary>The command, for test names.</summary>
    public override string ToString() => Command;
}

/// <summary>
/// Every command line of the README's shell blocks that is not an <c>fnn</c> line, and how each is covered. A README
/// command line missing from this list fails <see cref="ReadmeOtherCommandTests"/>, and so does an entry the README no
/// longer has.
/// </summary>
internal static class ReadmeOtherCommands
{
    /// <summary>The entries, in README order.</summary>
    public static IReadOnlyList<ReadmeOtherCommand> All { get; } =
    [
        new("dotnet run --project src/App",
            "run by .ci/run as printed (the main job); checked here that .ci/run still runs it, and the worked example's numbers are WorkedExampleTests'",
            c => c.CiRuns("dotnet run --project src/App")),
        new("dotnet test Functional.NN.sln",
            "run by .ci/run as printed (plus its logger options); the test suite cannot run itself, so the test checks that .ci/run still runs it",
            c => c.CiRuns("dotnet test Functional.NN.sln")),
        new("fnn() { dotnet run -c Release --project src/App -- \"$@\"; }",
            "defined in bash and checked to be a function over an existing project; with FNN_README_SLOW, defined and run as 'fnn --help'",
            c => c.ShellFunctionDefinesFnn(), c => c.ShellFunctionRuns()),
        new("dotnet tool install --global --add-source <folder> fnn",
            "run as printed by scripts/pack-and-consume.sh (CI), <folder> its package folder and DOTNET_CLI_HOME a throwaway home so --global installs there; " +
            "checked here: App.csproj packs the tool 'fnn', the script runs the line, and 'dotnet tool install --help' accepts --global, --add-source, --tool-path",
            c => c.ToolInstallIsChecked()),
        new("apt-get install -y dataset-fashion-mnist",
            "run by .ci/run (its APT_PACKAGES list, as root); checked here that the list names every package of the line",
            c => c.CiInstalls("dataset-fashion-mnist")),
        new("bash scripts/bench-vs-pytorch.sh",
            "checked here: the script is executable, parses (bash -n) and its usage text accepts every option the README names; " +
            "with FNN_README_SLOW, run as printed with '--repeats 1 --threads 1 --workloads seed' (the full run takes over 10 minutes)",
            c => c.ScriptAccepts("scripts/bench-vs-pytorch.sh", ["--repeats", "--epochs", "--threads"]),
            c => c.BenchVsPytorchRuns()),
        new("dotnet run -c Release --project tests/Benchmarks -- --filter '*Gemm*'",
            "checked here: the project exists and the filter matches GemmBenchmarks; with FNN_README_SLOW, run as printed plus '--list flat' (lists, does not run)",
            c => c.BenchmarksProject("*Gemm*", "GemmBenchmarks"), c => c.BenchmarksList("dotnet run -c Release --project tests/Benchmarks -- --filter '*Gemm*'", "GemmBenchmarks")),
        new("FNN_THREADS=1 dotnet run -c Release --project tests/Benchmarks -- --filter '*TrainingStep*' --job short",
            "checked here: the project exists and the filter matches TrainingStepBenchmarks; with FNN_README_SLOW, run as printed plus '--list flat'",
            c => c.BenchmarksProject("*TrainingStep*", "TrainingStepBenchmarks"),
            c => c.BenchmarksList("FNN_THREADS=1 dotnet run -c Release --project tests/Benchmarks -- --filter '*TrainingStep*' --job short", "TrainingStepBenchmarks")),
        new("dotnet run -c Release --project tests/Benchmarks -- --list flat",
            "checked here: the project exists; with FNN_README_SLOW, run as printed, and every benchmark class is listed",
            c => c.BenchmarksProject("*", "GemmBenchmarks"),
            c => c.BenchmarksList("dotnet run -c Release --project tests/Benchmarks -- --list flat",
                "GemmBenchmarks", "TrainingStepBenchmarks", "ElementwiseBenchmarks", "InferenceBenchmarks")),
        new("apt-get install -y openmpi-bin libopenmpi-dev",
            "run by .ci/run (its APT_PACKAGES list, as root); checked here that the list names every package of the line",
            c => c.CiInstalls("openmpi-bin", "libopenmpi-dev")),
        new("srun --mpi=pmix -N 4 --ntasks-per-node=1 --cpus-per-task=32 fnn train EXP.json --out runs/exp",
            "checked, not run: CI has no Slurm cluster; checked here: the fnn part runs with --dry-run (EXP.json made concrete), " +
            "and fnn's detection of srun's PMIX_RANK is tests/Distributed/MpiLaunchTests",
            c => c.FnnPartAccepts(["train", "examples/two-moons.json", "--out", "runs/exp", "--dry-run"]), CheckedNotRun: true),
        new("scripts/mutation.sh",
            "checked, not run: tens of minutes, and Stryker replaces the library in tests/bin while it runs, which would break the test run itself; " +
            "checked here: the script is executable and parses, dotnet-stryker is a local tool, stryker-config.json mutates the folders",
            c => c.MutationIsConfigured([]), CheckedNotRun: true),
        new("scripts/mutation.sh Passes Losses",
            "checked, not run, as the line above; checked here also that Passes and Losses are folders of src/Core that stryker-config.json mutates",
            c => c.MutationIsConfigured(["Passes", "Losses"]), CheckedNotRun: true),
        new("scripts/mutation.sh --report tests/StrykerOutput/<run>/reports/mutation-report.json",
            "run here as printed on a small report written by the test (the <run> placeholder made concrete); the table's rows are asserted",
            c => c.MutationReportRuns()),
        new("scripts/mutation.sh --report losses-passes.json optimizers.json",
            "run here as printed, in a folder where the test writes two small reports under those names; the combined table's rows are asserted",
            c => c.MutationReportsRun()),
    ];
}
