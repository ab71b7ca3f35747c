using Functional.NN.Activations;
using Functional.NN.Experiments;
using Functional.NN.Losses;
using Functional.NN.Model;
using Xunit;

namespace Functional.NN.Tests.App.Api;

/// <summary>The public <see cref="Datasets"/> loaders: the same examples as the <c>--data</c> option, errors as values.</summary>
public sealed class DatasetsTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public void A_spec_and_the_typed_call_load_the_same_examples()
    {
        var bySpec = FinAssert.Succeeds(Datasets.Load("generated:two_moons,count=50,noise=0.1,seed=9"));
        var byCall = FinAssert.Succeeds(Datasets.Generated("two_moons", 50, 0.1, 9));

        Assert.Equal(50, bySpec.Count);
        Assert.Equal((2, 2), (bySpec.FeatureCount, bySpec.Classes));
        Assert.Equal(bySpec.Sha256, byCall.Sha256);
        Assert.Equal(bySpec.Spec, byCall.Spec);
        Assert.Equal(FinAssert.Succeeds(bySpec.ToDataset()).Features, FinAssert.Succeeds(byCall.ToDataset()).Features);
    }

    [Fact]
    public void A_csv_file_loads_with_its_class_labels_and_fits_a_binary_network()
    {
        var path = _directory.File("points.csv");
        File.WriteAllText(path, "a,b,kind\n1,2,cat\n3,4,dog\n5,6,cat\n");

        var data = FinAssert.Succeeds(Datasets.CsvClassification(path, ["a", "b"], "kind"));
        var network = Network.Create(2, Loss.BinaryCrossEntropy, (1, Activation.Sigmoid)).ThrowIfFail();
        var examples = FinAssert.Succeeds(data.For(network));

        Assert.Equal(3, data.Count);
        Assert.Equal(2, data.Classes);
        Assert.Equal(3.0, examples.Features[1, 0]);
        Assert.Equal(1, examples.Targets.Columns);
    }

    [Fact]
    public void A_csv_regression_keeps_the_target_as_a_number()
    {
        var path = _directory.File("line.csv");
        File.WriteAllText(path, "x,y\n0,1\n1,4\n");

        var data = FinAssert.Succeeds(Datasets.CsvRegression(path, ["x"], "y"));

        Assert.Equal(0, data.Classes);
        Assert.Equal(4.0, FinAssert.Succeeds(data.ToDataset()).Targets[1, 0]);
    }

    [Fact]
    public void Problems_are_errors_that_name_the_source()
    {
        FinAssert.FailsWith(Datasets.Load("nothing"), "data source 'nothing'");
        FinAssert.FailsWith(Datasets.Generated("spiral"), "unknown generated data set 'spiral'");
        FinAssert.FailsWith(Datasets.CsvClassification(_directory.File("absent.csv"), ["a"], "b"), "absent.csv");
        FinAssert.FailsWith(Datasets.Idx(_directory.File("i.idx"), _directory.File("l.idx")), "i.idx");
        var network = Network.Create(3, Loss.MeanSquaredError, (1, Activation.Identity)).ThrowIfFail();
        FinAssert.FailsWith(FinAssert.Succeeds(Datasets.Generated("xor", 4)).For(network), "expects 3 input features", "has 2");
    }

    public void Dispose() => _directory.Dispose();
}
