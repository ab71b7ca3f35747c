using Functional.NN.Activations;
using Functional.NN.Losses;
using Functional.NN.Model;
using Functional.NN.Optimizers;
using Functional.NN.Passes;
using Functional.NN.Tensors;
using Functional.NN.Training;
using Xunit;

namespace Functional.NN.Tests.Optimizers;

/// <summary>
/// Edges of the transformations that the golden trajectories never reach: missing arguments, an empty chain inside
/// another, clipping at exactly the largest norm, momentum's first step with a non-zero buffer, masked stateful and
/// clipping transformations in the fused paths, transformations used without parameters, and masks compared.
/// </summary>
public sealed class TransformEdgeTests
{
    private static readonly Network Net = Network.Create(2, Loss.MeanSquaredError, (2, Activation.Tanh), (1, Activation.Identity)).ThrowIfFail();

    private static readonly Parameters P = Parameters.Create(Net, new (double[][], double[])[]
    {
        ([[0.1, -0.2], [0.3, 0.4]], [0.05, -0.05]),
        ([[0.5, -0.6]], [0.2]),
    }).ThrowIfFail();

    private static readonly Gradients G = Gradients.ZerosLike(P).ZipScalars(P, (_, p) => 3 * p - 0.1);

    private static readonly Batch B = Batch.Create(Net, [[1.0, -2.0], [0.5, 0.25]], [[0.3], [-0.1]]).ThrowIfFail();

    [Fact]
    public void Missing_arguments_are_refused_by_name()
    {
        Assert.Equal("learningRate", Assert.Throws<ArgumentNullException>(() => Transform.ScaleByLearningRate(null!)).ParamName);
        Assert.Equal("transformations", Assert.Throws<ArgumentNullException>(() => Transform.Chain(null!)).ParamName);
        Assert.Equal("inner", Assert.Throws<ArgumentNullException>(() => Transform.Masked(null!, ParameterMask.Biases(Net))).ParamName);
        Assert.Equal("mask", Assert.Throws<ArgumentNullException>(() => Transform.Masked(Transform.SetToZero(), null!)).ParamName);
    }

    [Fact]
    public void An_empty_chain_inside_a_chain_or_a_mask_is_the_identity_there()
    {
        var sgd = Optimizer.Sgd(0.1);
        var nested = Transform.Chain(sgd, Transform.Chain());
        var masked = Transform.Chain(Transform.Masked(Transform.Chain(), ParameterMask.Biases(Net)), sgd);
        var expected = sgd.Step(P, G, sgd.Init(P)).Parameters;
        Assert.Equal(expected, nested.Step(P, G, nested.Init(P)).Parameters);
        Assert.Equal(expected, masked.Step(P, G, masked.Init(P)).Parameters);
        var empty = Transform.Chain();
        Assert.Equal(P.Apply(Backpropagation.ValueAndGradient(Net, P, B).Gradients), TrainingStep.Run(Net, empty, P, empty.Init(P), B).Parameters);
    }

    [Fact]
    public void Clipping_at_exactly_the_largest_norm_leaves_the_gradient_unchanged()
    {
        // |(7, 24)| = 25 exactly; scaling by 25/25 would give 7/25·25 = 7.000000000000001.
        var net = Network.Create(1, Loss.MeanSquaredError, (1, Activation.Identity)).ThrowIfFail();
        var p = Parameters.Zeros(net);
        var g = new Gradients([new LayerTensors(Tensor.RowVector([7.0]), Tensor.RowVector([24.0]))]);
        var clip = Transform.ClipByGlobalNorm(25.0);
        var (stepped, _) = clip.Step(p, g, clip.Init(p));
        Assert.Equal([7.0], stepped[0].Weights.ToArray());
        Assert.Equal([24.0], clip.Update(g, clip.Init(p), p).Updates[0].Bias.ToArray());
    }

    [Fact]
    public void Clipping_refuses_a_state_of_another_kind_on_the_tree_path_too()
    {
        var clip = Transform.ClipByGlobalNorm(1e9);
        var e = Assert.Throws<ArgumentException>(() => clip.Update(G, new CountState(0), P));
        Assert.Contains("expected a 'empty' state, got 'count'", e.Message);
    }

    [Fact]
    public void Momentum_starts_from_the_first_gradient_whatever_the_buffer_holds()
    {
        var momentum = Transform.ScaleByMomentum(0.9);
        var stale = new MomentumState(0, Gradients.ZerosLike(P).MapScalars(_ => 5.0));
        Assert.Equal(G, momentum.Update(G, stale, P).Updates);
        Assert.Equal(P.Apply(G), momentum.Step(P, G, stale).Parameters);
    }

    [Fact]
    public void Masked_clipping_runs_in_the_training_step_as_on_the_tree()
    {
        var optimizer = Transform.Chain(Transform.Masked(Transform.ClipByGlobalNorm(0.01), ParameterMask.Weights(Net)), Optimizer.Sgd(0.5));
        var fused = TrainingStep.Run(Net, optimizer, P, optimizer.Init(P), B);
        var reference = Backpropagation.ValueAndGradient(Net, P, B);
        var (updates, _) = optimizer.Update(reference.Gradients, optimizer.Init(P), P);
        Assert.Equal(P.Apply(updates), fused.Parameters);
    }

    [Fact]
    public void A_masked_stateful_transformation_moves_every_moment_in_the_fused_step()
    {
        var masked = Transform.Masked(Optimizer.Adam(0.1), ParameterMask.Biases(Net));
        var state = masked.Init(P);
        var (stepped, next) = masked.Step(P, G, state);
        var (updates, reference) = masked.Update(G, state, P);
        Assert.Equal(P.Apply(updates), stepped);
        Assert.Equal(reference.ContentHash(), next.ContentHash());
    }

    [Fact]
    public void Transformations_that_do_not_read_the_parameters_run_without_them()
    {
        var adam = Transform.ScaleByAdam();
        var (updates, _) = adam.Update(G, adam.Init(P), null!);
        Assert.Equal(adam.Update(G, adam.Init(P), P).Updates, updates);
        var decay = Transform.AddDecayedWeights(0.1);
        var e = Assert.Throws<ArgumentException>(() => decay.Update(G, decay.Init(P), null!));
        Assert.StartsWith("add_decayed_weights: the parameters are needed (got none or a different shape)", e.Message);
    }

    [Fact]
    public void Parameters_and_gradients_of_other_shapes_are_refused_naming_both()
    {
        var other = Gradients.ZerosLike(Parameters.Zeros(Network.Create(2, Loss.MeanSquaredError, (1, Activation.Identity)).ThrowIfFail()));
        var adam = Transform.ScaleByAdam();
        var onTree = Assert.Throws<ArgumentException>(() => adam.Update(other, adam.Init(P), P));
        Assert.Equal("layer shapes differ: W[2 x 2] b[1 x 2] | W[1 x 2] b[1 x 1] and W[1 x 2] b[1 x 1]", onTree.Message);
        var sgd = Optimizer.Sgd(0.1);
        var stepped = Assert.Throws<ArgumentException>(() => sgd.Step(P, other, sgd.Init(P)));
        Assert.Equal("layer shapes differ: W[2 x 2] b[1 x 2] | W[1 x 2] b[1 x 1] and W[1 x 2] b[1 x 1]", stepped.Message);
    }

    [Fact]
    public void Masks_are_equal_layer_by_layer_and_hash_by_their_layers()
    {
        var biases = ParameterMask.Biases(Net);
        Assert.Equal(biases, new ParameterMask([new LayerMask(false, true), new LayerMask(false, true)]));
        Assert.Equal(biases.GetHashCode(), new ParameterMask([new LayerMask(false, true), new LayerMask(false, true)]).GetHashCode());
        Assert.NotEqual(biases.GetHashCode(), ParameterMask.Weights(Net).GetHashCode());
        Assert.False(biases.Equals(null));
        Assert.NotEqual(biases, ParameterMask.Weights(Net));
    }
}
