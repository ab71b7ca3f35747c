using Xunit;

namespace Functional.NN.Tests.Readme;

public sealed class ReadmeExampleTests
{
    [Fact]
    public void Xor_example_trains_to_a_loss_below_one_thousandth()
    {
        var (loss, steps) = XorExample.Train().ThrowIfFail();
        Assert.Equal(1_000, steps);
        Assert.True(loss < 1e-3, $"XOR loss after {steps} Adam steps: {loss:R}");
    }

    [Fact]
    public void Xor_example_is_reproducible_to_the_last_bit()
    {
        Assert.Equal(XorExample.Train().ThrowIfFail().Loss, XorExample.Train().ThrowIfFail().Loss);
    }

    [Fact]
    public void Readme_shows_the_compiled_example_verbatim()
    {
        var root = RepositoryRoot();
        var source = Between(File.ReadAllText(Path.Combine(root, "tests", "Readme", "XorExample.cs")), "// README-EXAMPLE-BEGIN\n", "// README-EXAMPLE-END");
        var readme = File.ReadAllText(Path.Combine(root, "README.md"));
        Assert.Contains(source.Trim(), readme);
    }

    private static string Between(string text, string begin, string end)
    {
        var start = text.IndexOf(begin, StringComparison.Ordinal) + begin.Length;
        return text[start..text.IndexOf(end, start, StringComparison.Ordinal)];
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Functional.NN.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Functional.NN.sln not found above the test binaries");
    }
}
