using Functional.NN.Activations;
using Functional.NN.Losses;
using Functional.NN.Model;
using Functional.NN.Tensors;
using Xunit;

namespace Functional.NN.Tests.Model;

/// <summary>
/// <see cref="Parameters.Fits"/> checks every layer count and shape against a network; <see cref="Parameters.Apply"/>
/// adds updates element by element.
/// </summary>
public sealed class ParametersFitTests
{
    private static Parameters Tutorial => TutorialExample.Parameters;

    private static Network Net(int inputs, params int[] units) =>
        Network.Create(inputs, Loss.HalfSumSquaredError, units.Select(u => (u, Activation.Sigmoid)).ToArray()).ThrowIfFail();

    [Fact]
    public void The_tutorial_parameters_fit_only_a_2_2_2_network()
    {
        Assert.True(Tutorial.Fits(TutorialExample.Network));
        Assert.False(Tutorial.Fits(Net(2, 2)));
        Assert.False(Tutorial.Fits(Net(2, 2, 2, 2)));
        Assert.False(Tutorial.Fits(Net(3, 2, 2)));
        Assert.False(Tutorial.Fits(Net(2, 3, 2)));
        Assert.False(Tutorial.Fits(Net(2, 2, 3)));
    }

    [Fact]
    public void A_bias_must_be_one_row_of_one_entry_per_unit()
    {
        Assert.True(Parameters.Zeros(Net(2, 2)).Fits(Net(2, 2)));
        var column = Parameters.Zeros(Net(2, 2)).Map(t => t.Rows == 1 ? Tensor.Zeros(2, 1) : t);
        Assert.False(column.Fits(Net(2, 2)));
        var twoRows = Parameters.Zeros(Net(2, 2)).Map(t => t.Rows == 1 ? Tensor.Zeros(2, 2) : t);
        Assert.False(twoRows.Fits(Net(2, 2)));
        var wide = Parameters.Zeros(Net(2, 2)).Map(t => t.Rows == 1 ? Tensor.Zeros(1, 3) : t);
        Assert.False(wide.Fits(Net(2, 2)));
    }

    [Fact]
    public void Weights_of_another_shape_do_not_fit_even_with_the_right_bias()
    {
        var tallWeights = Parameters.Zeros(Net(2, 3)).Map(t => t.Rows == 1 ? Tensor.Zeros(1, 2) : t);
        Assert.Equal("W[3 x 2] b[1 x 2]", tallWeights.Describe());
        Assert.False(tallWeights.Fits(Net(2, 2)));
        var wideWeights = Parameters.Zeros(Net(3, 2));
        Assert.False(wideWeights.Fits(Net(2, 2)));
        Assert.True(wideWeights.Fits(Net(3, 2)));
    }

    [Fact]
    public void Apply_adds_each_update_to_its_parameter()
    {
        var updates = Gradients.ZerosLike(Tutorial).MapScalars(_ => 0.25);
        var applied = Tutorial.Apply(updates);
        Assert.Equal([0.40, 0.45, 0.50, 0.55], applied[0].Weights.ToArray());
        Assert.Equal([0.85, 0.85], applied[1].Bias.ToArray());
    }
}
