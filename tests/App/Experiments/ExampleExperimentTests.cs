using System.Text;
using Functional.NN.Experiments.Data.Idx;
using Functional.NN.Experiments.ExperimentFiles;
using Functional.NN.Tests.App.Runs;
using Xunit;

namespace Functional.NN.Tests.App.Experiments;

/// <summary>Every file in examples/ reads and resolves: <c>fnn train FILE --dry-run</c> succeeds and prints an experiment that reads back equal.</summary>
public sealed class ExampleExperimentTests
{
    /// <summary>The repository's examples folder, found from the test assembly's location.</summary>
    public static string ExamplesFolder
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
                if (File.Exists(Path.Combine(directory.FullName, "Functional.NN.sln")))
                    return Path.Combine(directory.FullName, "examples");
            throw new DirectoryNotFoundException("Functional.NN.sln not found above the test assembly");
        }
    }

    public static TheoryData<string> Examples =>
        [.. Directory.GetFiles(ExamplesFolder, "*.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Fact]
    public void There_are_examples() => Assert.True(Examples.Count >= 3);

    [SkippableTheory]
    [MemberData(nameof(Examples))]
    public void Dry_run_resolves_the_example(string name)
    {
        var path = Path.Combine(ExamplesFolder, name);
        Skip.If(File.ReadAllText(path).Contains("\"fashion_mnist\"") && !FashionMnist.IsPresent(FashionMnist.DefaultDirectory),
            "Fashion-MNIST is not installed (apt-get install dataset-fashion-mnist)");
        using var temp = new TempDirectory();
        var result = CommandRun.Train(path, temp.File("run"), dryRun: true);
        Assert.True(result.Code == 0, result.Error);
        Assert.False(Directory.Exists(temp.File("run")));
        var printed = FinAssert.Succeeds(ExperimentParser.Parse(Encoding.UTF8.GetBytes(result.Output), "printed", "/", "x"));
        var original = FinAssert.Succeeds(ExperimentParser.Load(path));
        Assert.Equal(original with { Network = original.Network with { InputSize = printed.Network.InputSize } }, printed);
    }
}
