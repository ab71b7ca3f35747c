using Functional.NN.Activations;
using Functional.NN.Losses;
using Functional.NN.Model;
using Functional.NN.Tensors;
using Xunit;

namespace Functional.NN.Tests.Model;

/// <summary>
/// The operations every tree of per-layer tensors shares (<see cref="Parameters"/>, <see cref="Gradients"/>):
/// counts, sums, scaling, the global norm, finiteness, structure, the content hash (SHA-256 over the shapes and
/// little-endian bits, computed with Python's hashlib), text and equality.
/// </summary>
public sealed class LayerTreeTests
{
    private static readonly Network TwoThreeOne =
        Network.Create(2, Loss.HalfSumSquaredError, (3, Activation.Tanh), (1, Activation.Sigmoid)).ThrowIfFail();

    private static Parameters Tutorial => TutorialExample.Parameters;

    private static Gradients AsGradients(Parameters p) => Gradients.ZerosLike(p).ZipScalars(p, (_, x) => x);

    [Fact]
    public void Counts_are_of_layers_and_of_scalars()
    {
        Assert.Equal(2, Tutorial.Count);
        Assert.Equal(12, Tutorial.ScalarCount);
        Assert.Equal(6 + 3 + 3 + 1, Parameters.Zeros(TwoThreeOne).ScalarCount);
    }

    [Fact]
    public void Zeros_have_the_network_shape_and_only_zeros()
    {
        var zeros = Parameters.Zeros(TwoThreeOne);
        Assert.Equal("W[3 x 2] b[1 x 3] | W[1 x 3] b[1 x 1]", zeros.Describe());
        Assert.True(zeros.Fits(TwoThreeOne));
        Assert.All(zeros.Layers, l => Assert.All(l.Weights.ToArray().Concat(l.Bias.ToArray()), x => Assert.Equal(0.0, x)));
        Assert.Equal(zeros.Describe(), Gradients.ZerosLike(zeros).Describe());
    }

    [Fact]
    public void Add_and_scale_act_on_every_element()
    {
        var g = AsGradients(Tutorial);
        var sum = g.Add(g.Scale(3.0));
        Assert.Equal([0.15 * 4, 0.20 * 4, 0.25 * 4, 0.30 * 4], sum[0].Weights.ToArray());
        Assert.Equal([0.60 + 0.60 * 3, 0.60 + 0.60 * 3], sum[1].Bias.ToArray());
        Assert.Equal([-0.4, -0.45, -0.5, -0.55], g.Scale(-1)[1].Weights.ToArray());
    }

    [Fact]
    public void The_global_norm_is_the_root_of_every_square()
    {
        double[] all = [0.15, 0.20, 0.25, 0.30, 0.35, 0.35, 0.40, 0.45, 0.50, 0.55, 0.60, 0.60];
        Assert.Equal(Math.Sqrt(all.Sum(x => x * x)), Tutorial.GlobalNorm(), 14);
        Assert.Equal(0.0, Parameters.Zeros(TwoThreeOne).GlobalNorm());
    }

    [Fact]
    public void A_tree_is_finite_until_one_element_of_a_weight_or_a_bias_is_not()
    {
        var g = AsGradients(Tutorial);
        Assert.True(g.IsFinite());
        Assert.False(g.MapScalars(x => x == 0.30 ? double.NaN : x).IsFinite());
        Assert.False(g.MapScalars(x => x == 0.60 ? double.PositiveInfinity : x).IsFinite());
    }

    [Fact]
    public void Structure_is_the_number_of_layers_and_every_shape()
    {
        var zeros = Parameters.Zeros(TwoThreeOne);
        Assert.True(Tutorial.SameStructure(AsGradients(Tutorial)));
        Assert.False(Tutorial.SameStructure(zeros));
        var oneLayer = Network.Create(2, Loss.HalfSumSquaredError, (2, Activation.Sigmoid)).ThrowIfFail();
        Assert.False(Tutorial.SameStructure(Parameters.Zeros(oneLayer)));
        Assert.False(Parameters.Zeros(oneLayer).SameStructure(Tutorial));
        var longerBias = Parameters.Create(TutorialExample.Network, Tutorial.Layers).ThrowIfFail()
            .Map(t => t.Rows == 1 ? Tensor.Zeros(2, 2) : t);
        Assert.False(Tutorial.SameStructure(longerBias));
        var widerOutput = Network.Create(2, Loss.HalfSumSquaredError, (2, Activation.Sigmoid), (3, Activation.Sigmoid)).ThrowIfFail();
        Assert.False(Tutorial.SameStructure(Parameters.Zeros(widerOutput)), "the first layers have the same shapes, the last do not");
    }

    [Fact]
    public void Zipping_trees_of_different_shapes_names_both()
    {
        var e = Assert.Throws<ArgumentException>(() => Tutorial.Zip(Parameters.Zeros(TwoThreeOne), (a, _) => a));
        Assert.Equal("layer shapes differ: W[2 x 2] b[1 x 2] | W[2 x 2] b[1 x 2] and W[3 x 2] b[1 x 3] | W[1 x 3] b[1 x 1]", e.Message);
    }

    [Fact]
    public void The_content_hash_is_sha256_of_shapes_and_bits_in_layer_order()
    {
        Assert.Equal("9c747fd52f55f2a6c377582e92eb045df2e1e26600ed3e567f3aa5fc5993eb3c", Tutorial.ContentHash());
        Assert.Equal("b6c2ffa40434aba85b8f1151a588e715200206ac89e557d8cd14c9991dce1f5d", Parameters.Zeros(TwoThreeOne).ContentHash());
    }

    [Fact]
    public void Text_names_the_kind_of_tree_and_its_shapes()
    {
        Assert.Equal("Parameters(W[2 x 2] b[1 x 2] | W[2 x 2] b[1 x 2])", Tutorial.ToString());
        Assert.Equal("Gradients(W[3 x 2] b[1 x 3] | W[1 x 3] b[1 x 1])", Gradients.ZerosLike(Parameters.Zeros(TwoThreeOne)).ToString());
    }

    [Fact]
    public void Trees_are_equal_with_equal_layers_and_hash_alike()
    {
        var copy = Tutorial.MapScalars(x => x);
        Assert.True(Tutorial.Equals(copy));
        Assert.True(Tutorial.Equals((object)copy));
        Assert.Equal(Tutorial.GetHashCode(), copy.GetHashCode());
        Assert.False(Tutorial.Equals(Tutorial.MapScalars(x => x == 0.55 ? 0.56 : x)));
        Assert.False(Tutorial.Equals((Parameters?)null));
        Assert.False(Tutorial.Equals((object)AsGradients(Tutorial)));
        Assert.NotEqual(Tutorial.GetHashCode(), Tutorial.MapScalars(x => x == 0.55 ? 0.56 : x).GetHashCode());
        var firstLayer = Parameters.Create(
            Network.Create(2, Loss.HalfSumSquaredError, (2, Activation.Sigmoid)).ThrowIfFail(), [Tutorial[0]]).ThrowIfFail();
        Assert.False(Tutorial.Equals(firstLayer));
        Assert.False(firstLayer.Equals(Tutorial));
    }
}
