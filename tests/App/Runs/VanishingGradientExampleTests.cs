using System.Globalization;
using Functional.NN.Tests.App.Experiments;
using Xunit;
using Xunit.Abstractions;

namespace Functional.NN.Tests.App.Runs;

/// <summary>
/// examples/vanishing-gradients-sigmoid.json and its ReLU twin (8 hidden layers of 32): after the first epoch the
/// first layer's weight gradient is orders of magnitude below the last layer's with sigmoid (whose derivative is at
/// most 0.25, seed NOTES.md), and of the same order with ReLU; metrics.csv records both.
/// </summary>
public sealed class VanishingGradientExampleTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _directory = new();

    /// <inheritdoc />
    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData("sigmoid", 0.0, 1e-4)]
    [InlineData("relu", 0.05, 10.0)]
    public void The_first_to_last_layer_gradient_ratio_shows_the_vanishing_gradient(string activation, double atLeast, double atMost)
    {
        var run = _directory.File(activation);
        var (code, text, error) = CommandRun.Train(Path.Combine(ExampleExperimentTests.ExamplesFolder, $"vanishing-gradients-{activation}.json"), run, epochs: 1);
        Assert.True(code == 0, text + error);

        var lines = File.ReadAllLines(Path.Combine(run, "metrics.csv"));
        var header = lines[0].Split(',');
        var row = lines[1].Split(',');
        double Column(string name) => double.Parse(row[Array.IndexOf(header, name)], CultureInfo.InvariantCulture);
        var ratio = Column("grad_norm_1") / Column("grad_norm_9");
        output.WriteLine($"{activation}: grad_norm_1 {Column("grad_norm_1"):R}, grad_norm_9 {Column("grad_norm_9"):R}, ratio {ratio:R}");

        Assert.InRange(ratio, atLeast, atMost);
        Assert.Equal(activation == "relu", header.Contains("dead_relu_1"));
    }
}
