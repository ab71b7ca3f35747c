using Functional.NN.Activations;
using Functional.NN.Losses;
using Functional.NN.Model;
using Functional.NN.Optimizers;
using Functional.NN.Passes;
using Functional.NN.Tensors;
using Xunit;

namespace Functional.NN.Tests.Optimizers;

/// <summary><see cref="Transform.Masked"/>, <see cref="Transform.SetToZero"/> and <see cref="Transform.Freeze"/>, worked by hand.</summary>
public sealed class MaskedTests
{
    private static readonly Network Net =
        Network.Create(2, Loss.MeanSquaredError, (2, Activation.Tanh), (1, Activation.Identity)).ThrowIfFail();

    private static readonly Parameters P = Parameters.Create(Net, [
        ([[0.5, -1.0], [2.0, 0.25]], [0.1, -0.2]),
        ([[1.5, -0.5]], [-0.0]),
    ]).ThrowIfFail();

    private static readonly Gradients G = new([
        new LayerTensors(Tensor.FromRows([[1.0, 2.0], [-3.0, 4.0]]).ThrowIfFail(), Tensor.RowVector([0.5, -0.25])),
        new LayerTensors(Tensor.FromRows([[8.0, -16.0]]).ThrowIfFail(), Tensor.RowVector([2.0])),
    ]);

    [Fact]
    public void Unselected_updates_pass_through_unchanged_and_selected_ones_are_transformed()
    {
        var masked = Transform.Masked(Transform.ScaleByLearningRate(0.5), ParameterMask.Weights(Net));
        var (u, state) = masked.Update(G, masked.Init(P), P);
        Assert.Equal(new[] { -0.5, -1.0, 1.5, -2.0 }, u[0].Weights.ToArray());
        Assert.Equal(new[] { 0.5, -0.25 }, u[0].Bias.ToArray());
        Assert.Equal(new[] { -4.0, 8.0 }, u[1].Weights.ToArray());
        Assert.Equal(new[] { 2.0 }, u[1].Bias.ToArray());
        Assert.Equal(new CountState(1), state);
    }

    [Fact]
    public void Frozen_biases_keep_every_bit_while_the_weights_take_the_sgd_step()
    {
        var sgd = Transform.Chain(Transform.Freeze(ParameterMask.Biases(Net)), Optimizer.Sgd(0.25));
        var after = sgd.Step(P, G, sgd.Init(P)).Parameters;
        Assert.Equal(new[] { 0.25, -1.5, 2.75, -0.75 }, after[0].Weights.ToArray());
        Assert.Equal(new[] { -0.5, 3.5 }, after[1].Weights.ToArray());
        Assert.Equal(P[0].Bias.ContentHash(), after[0].Bias.ContentHash());
        Assert.True(double.IsNegative(after[1].Bias[0, 0]), "the bias -0 lost its sign");
    }

    [Theory]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(double.NaN)]
    public void A_frozen_bias_with_an_infinite_rate_is_p_minus_eta_times_zero_which_is_nan(double rate)
    {
        // p − η·0 is NaN for an infinite η, as the old frozen-bias flag computed it; nothing is special-cased.
        var sgd = Transform.Chain(Transform.Freeze(ParameterMask.Biases(Net)), Optimizer.Sgd(rate));
        var after = sgd.Step(P, G, sgd.Init(P)).Parameters;
        Assert.All(after.Layers, l => Assert.All(l.Bias.ToArray(), b => Assert.True(double.IsNaN(b))));
        Assert.All(after.Layers, l => Assert.All(l.Bias.ToArray(), b => Assert.Equal(b, P[0].Bias[0, 0] - rate * 0.0)));
    }

    [Fact]
    public void Set_to_zero_gives_zero_updates()
    {
        var zero = Transform.SetToZero();
        var (u, state) = zero.Update(G, zero.Init(P), P);
        Assert.All(u.Layers, l => Assert.All(l.Weights.ToArray().Concat(l.Bias.ToArray()), x => Assert.Equal(0.0, x)));
        Assert.Same(EmptyState.Instance, state);
    }

    [Fact]
    public void A_mask_with_another_number_of_layers_is_refused_with_both_counts()
    {
        var mask = new ParameterMask([new LayerMask(true, false)]);
        var masked = Transform.Chain(Transform.Freeze(mask), Optimizer.Sgd(0.1));
        var error = Assert.Throws<ArgumentException>(() => masked.Step(P, G, masked.Init(P)));
        Assert.Contains("mask has 1 layers", error.Message);
        var tree = Assert.Throws<ArgumentException>(() => masked.Update(G, masked.Init(P), P));
        Assert.Contains("the mask has 1 layers, the tree has 2", tree.Message);
    }

    [Fact]
    public void The_layerwise_rule_refuses_an_optimizer_that_needs_every_gradient_first()
    {
        var batch = Batch.Create(Net, [[1.0, 2.0]], [[0.5]]).ThrowIfFail();
        var clipped = Transform.Chain(Transform.ClipByGlobalNorm(1), Optimizer.Sgd(0.1));
        var error = Assert.Throws<ArgumentException>(() => LayerwiseBackpropagation.Step(Net, P, batch, clipped, clipped.Init(P)));
        Assert.Contains("not element-wise", error.Message);
    }

    [Fact]
    public void Masks_name_what_they_select()
    {
        Assert.Equal("[- b] [- b]", ParameterMask.Biases(Net).ToString());
        Assert.Equal(ParameterMask.Weights(Net), new ParameterMask([new LayerMask(true, false), new LayerMask(true, false)]));
        Assert.Contains("masked(set_to_zero, mask=[W -] [W -])", Transform.Freeze(ParameterMask.Weights(Net)).Name);
    }
}
