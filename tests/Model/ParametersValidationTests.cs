using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Functional.NN.Model;
using Functional.NN.Tensors;
using Functional.NN.Tests.Properties;
using Xunit;

namespace Functional.NN.Tests.Model;

/// <summary>
/// <see cref="Parameters.Create(Network, IEnumerable{LayerTensors})"/> checks shapes against the network
/// and names the layer, the expected shape and the shape given.
/// </summary>
[Properties(Arbitrary = [typeof(Arbitraries)], MaxTest = 50)]
public sealed class ParametersValidationTests
{
    private static Network Tutorial => TutorialExample.Network;

    [Fact]
    public void Wrong_weight_shape_names_the_layer_and_both_shapes() =>
        ValidationMessage.AssertNames(
            Parameters.Create(Tutorial, new (double[][], double[])[]
            {
                ([[0.15, 0.20], [0.25, 0.30]], [0.35, 0.35]),
                ([[0.40, 0.45], [0.50, 0.55], [0.1, 0.2]], [0.60, 0.60]),
            }),
            "layer 2", "[2 x 2]", "[3 x 2]");

    [Fact]
    public void Wrong_bias_length_names_the_layer_and_both_lengths() =>
        ValidationMessage.AssertNames(
            Parameters.Create(Tutorial, new (double[][], double[])[]
            {
                ([[0.15, 0.20], [0.25, 0.30]], [0.35, 0.35, 0.35]),
                ([[0.40, 0.45], [0.50, 0.55]], [0.60, 0.60]),
            }),
            "layer 1", "b must have 2 entries, got 3");

    [Fact]
    public void Wrong_number_of_layers_is_an_error() =>
        ValidationMessage.AssertNames(
            Parameters.Create(Tutorial, [TutorialExample.Parameters[0]]),
            "the network has 2 layers, got parameters for 1");

    [Fact]
    public void Ragged_weight_rows_name_the_layer_and_the_row() =>
        ValidationMessage.AssertNames(
            Parameters.Create(Tutorial, new (double[][], double[])[]
            {
                ([[0.15, 0.20], [0.25]], [0.35, 0.35]),
                ([[0.40, 0.45], [0.50, 0.55]], [0.60, 0.60]),
            }),
            "layer 1", "row 1 has 1 numbers");

    [Fact]
    public void Non_finite_parameters_name_the_layer() =>
        ValidationMessage.AssertNames(
            Parameters.Create(Tutorial, [TutorialExample.Parameters[0], TutorialExample.Parameters[1] with
            {
                Bias = Tensor.RowVector([0.6, double.NaN]),
            }]),
            "layer 2", "NaN");

    /// <summary>Any layer of any network, given one unit too many: the message has the layer and both shapes.</summary>
    [Property]
    public Property A_weight_matrix_with_an_extra_row_names_its_layer_and_both_shapes(Case c, NonNegativeInt which)
    {
        var k = which.Get % c.Parameters.Count;
        var weights = c.Parameters[k].Weights;
        var taller = Tensor.Build(weights.Rows + 1, weights.Columns, (r, col) => r < weights.Rows ? weights[r, col] : 0.5);
        var result = Parameters.Create(c.Network, c.Parameters.Layers.SetItem(k, c.Parameters[k] with { Weights = taller }));
        var message = result.Match(_ => "(built)", e => e.Message);
        return (message.Contains($"layer {k + 1}: W must be {weights.ShapeText}") && message.Contains($"got {taller.ShapeText}"))
            .Label(message);
    }
}
