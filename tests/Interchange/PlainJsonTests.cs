using Functional.NN.Activations;
using Functional.NN.Interchange;
using Functional.NN.Losses;
using Functional.NN.Model;
using Functional.NN.Tests.Goldens;
using Xunit;

namespace Functional.NN.Tests.Interchange;

/// <summary>Parameters and models in the plain JSON layout of the reference cases: read exactly, errors naming layer and shapes.</summary>
[Collection(EnvironmentCollection.Name)]
public sealed class PlainJsonTests
{
    private static readonly Network TwoTwoOne =
        Network.Create(2, Loss.MeanSquaredError, (2, Activation.Tanh), (1, Activation.Identity)).ThrowIfFail();

    private static string Error<T>(LanguageExt.Fin<T> result) => result.Match(_ => "(succeeded)", e => e.Message);

    [Fact]
    public void Parameters_are_read_exactly()
    {
        var parameters = PlainJsonParameters.Parse(TwoTwoOne,
            """[{"W": [[0.1, 0.2], [0.3, 0.4]], "b": [0.5, 0.6]}, {"W": [[0.7, 0.8]], "b": [0.9]}]""").ThrowIfFail();
        Assert.Equal(0.3, parameters[0].Weights[1, 0]);
        Assert.Equal(0.9, parameters[1].Bias[0, 0]);
    }

    [Fact]
    public void A_weight_matrix_of_the_wrong_shape_names_the_layer_and_both_shapes()
    {
        var error = Error(PlainJsonParameters.Parse(TwoTwoOne,
            """{"params": [{"W": [[0.1, 0.2], [0.3, 0.4]], "b": [0.5, 0.6]}, {"W": [[0.7, 0.8, 0.9]], "b": [0.9]}]}"""));
        Assert.Contains("layer 2: W must be [1 x 2] (units x inputs), got [1 x 3]", error);
    }

    [Theory]
    [InlineData("""[{"W": [[0.1, 0.2], [0.3]], "b": [0.5, 0.6]}, {"W": [[0.7, 0.8]], "b": [0.9]}]""", "layer 1 W: row 1 has 1 numbers, row 0 has 2")]
    [InlineData("""[{"W": [[0.1, 0.2], [0.3, 0.4]]}, {"W": [[0.7, 0.8]], "b": [0.9]}]""", "layer 1: missing \"b\"")]
    [InlineData("""[{"W": [[0.1, 0.2], [0.3, 0.4]], "b": [0.5, 0.6]}]""", "has 2 layers, the JSON has 1")]
    [InlineData("""[{"W": [[0.1, "x"], [0.3, 0.4]], "b": [0.5, 0.6]}, {"W": [[0.7, 0.8]], "b": [0.9]}]""", "layer 1 W row 0[1]: expected a finite number")]
    [InlineData("""[{"W": [[0.1, 0.2], [0.3, 0.4]], "b": [0.5]}, {"W": [[0.7, 0.8]], "b": [0.9]}]""", "layer 1: b must have 2 entries, got 1")]
    [InlineData("""{"W": 1}""", "expected a list of 2 layers")]
    [InlineData("""[{"W": """, "not valid JSON")]
    public void Malformed_parameters_are_errors_that_say_where(string json, string expected) =>
        Assert.Contains(expected, Error(PlainJsonParameters.Parse(TwoTwoOne, json)));

    [Fact]
    public void Every_reference_case_is_read_as_a_model_with_the_same_network_and_parameters()
    {
        foreach (var directory in ReferenceCases.Directories())
            foreach (var file in Directory.GetFiles(directory, "*.json"))
                foreach (var reference in ReferenceCases.Load(file))
                {
                    var (network, parameters) = PlainJsonModel.Parse(File.ReadAllText(file), reference.Name).ThrowIfFail();
                    var expected = ReferenceModel.Build(reference).ThrowIfFail();
                    Assert.Equal(expected.Network, network);
                    Assert.Equal(expected.Parameters, parameters);
                }
    }

    [Fact]
    public void A_file_of_several_cases_needs_a_case_name_and_lists_the_names()
    {
        const string json = """{"cases": [{"name": "a"}, {"name": "b"}]}""";
        Assert.Contains("choose one by name: a, b", Error(PlainJsonModel.Parse(json)));
        Assert.Contains("no case named 'c'; the cases are: a, b", Error(PlainJsonModel.Parse(json, "c")));
    }

    [Theory]
    [InlineData("""{"layer_sizes": [2, 1], "activations": ["swish"], "params": []}""", "unknown activation 'swish'")]
    [InlineData("""{"layer_sizes": [2, 1], "activations": ["tanh", "tanh"], "params": []}""", "2 layer_sizes need 1 activations, got 2")]
    [InlineData("""{"layer_sizes": [2], "activations": [], "params": []}""", "\"layer_sizes\" must be a list of at least two whole numbers")]
    [InlineData("""{"layer_sizes": [2, 1], "activations": ["tanh"]}""", "missing \"params\"")]
    public void Malformed_models_are_errors_that_say_what(string json, string expected) =>
        Assert.Contains(expected, Error(PlainJsonModel.Parse(json)));
}
