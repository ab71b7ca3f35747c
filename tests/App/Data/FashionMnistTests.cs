using Functional.NN.Experiments.Data;
using Functional.NN.Experiments.Data.Idx;
using Xunit;

namespace Functional.NN.Tests.App.Data;

/// <summary>
/// The real Fashion-MNIST files from Debian's <c>dataset-fashion-mnist</c> package
/// (<c>/usr/share/datasets/fashion-mnist/{train,t10k}-{images-idx3,labels-idx1}-ubyte.gz</c>);
/// skipped when the package is not installed.
/// </summary>
public sealed class FashionMnistTests
{
    private const string Missing =
        "Fashion-MNIST is not installed in " + FashionMnist.DefaultDirectory +
        " (apt-get install dataset-fashion-mnist)";

    private static void AssertSplit(LoadedDataset data, string name, int count)
    {
        Assert.Equal(name, data.Name);
        Assert.Equal((count, 784), (data.Features.Rows, data.Features.Columns));
        Assert.Equal((count, 10), (data.Targets.Rows, data.Targets.Columns));
        Assert.Equal(10, data.Classes);
        var perClass = Enumerable.Range(0, 10).Select(c => Enumerable.Range(0, count).Count(r => data.Targets[r, c] == 1.0)).ToArray();
        Assert.All(perClass, n => Assert.Equal(count / 10, n)); // Fashion-MNIST is exactly balanced
        var pixels = data.Features.ToTensor().Span;
        var (min, max) = (double.MaxValue, double.MinValue);
        foreach (var p in pixels) (min, max) = (Math.Min(min, p), Math.Max(max, p));
        Assert.Equal((0.0, 1.0), (min, max));
        Assert.Matches("^[0-9a-f]{64}$", data.Sha256);
    }

    [SkippableFact]
    public void The_test_split_loads()
    {
        Skip.IfNot(FashionMnist.IsPresent(FashionMnist.DefaultDirectory), Missing);
        AssertSplit(FinAssert.Succeeds(FashionMnist.Load(FashionMnist.DefaultDirectory, train: false)), "fashion-mnist-test", 10_000);
    }

    [SkippableFact]
    public void The_training_split_loads()
    {
        Skip.IfNot(FashionMnist.IsPresent(FashionMnist.DefaultDirectory), Missing);
        AssertSplit(FinAssert.Succeeds(FashionMnist.Load(FashionMnist.DefaultDirectory, train: true)), "fashion-mnist-train", 60_000);
    }

    [Fact]
    public void Files_with_the_distribution_names_are_found_gzip_or_plain()
    {
        using var directory = new TempDirectory();
        File.WriteAllBytes(directory.File("t10k-images-idx3-ubyte.gz"), IdxTestFiles.Gzip(IdxTestFiles.Images(2, 28, 28, (i, p) => (byte)(i + p))));
        File.WriteAllBytes(directory.File("t10k-labels-idx1-ubyte"), IdxTestFiles.Labels(4, 9));
        var data = FinAssert.Succeeds(FashionMnist.Load(directory.Path, train: false));
        Assert.Equal(("fashion-mnist-test", 2, 784), (data.Name, data.Count, data.Features.Columns));
        Assert.False(FashionMnist.IsPresent(directory.Path)); // the training split is missing
    }

    [Fact]
    public void A_directory_without_the_files_is_an_error_naming_what_was_tried()
    {
        using var empty = new TempDirectory();
        Assert.False(FashionMnist.IsPresent(empty.Path));
        FinAssert.FailsWith(FashionMnist.Load(empty.Path, train: true),
            "Fashion-MNIST file not found", empty.File("train-images-idx3-ubyte.gz"), empty.File("train-images-idx3-ubyte"));
    }
}
