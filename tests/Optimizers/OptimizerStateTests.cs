using Functional.NN.Model;
using Functional.NN.Optimizers;
using Functional.NN.Tensors;
using Xunit;

namespace Functional.NN.Tests.Optimizers;

/// <summary>Optimizer states are plain, comparable data with stable kinds; a wrong state is an error that says so.</summary>
public sealed class OptimizerStateTests
{
    private static Parameters SmallParameters() => Parameters.FromTrustedLayers(
    [
        new LayerTensors(Tensor.FromArray(new[,] { { 0.15, 0.20 }, { 0.25, 0.30 } }), Tensor.RowVector([0.35, 0.35])),
        new LayerTensors(Tensor.FromArray(new[,] { { 0.40, 0.45 } }), Tensor.RowVector([0.60])),
    ]);

    private static Gradients Gradient(double value) => Gradients.ZerosLike(SmallParameters()).MapScalars(_ => value);

    [Fact]
    public void Named_optimizers_start_from_a_chain_of_zero_moments_and_a_zero_count()
    {
        var p = SmallParameters();
        var adam = Assert.IsType<ChainState>(Optimizer.Adam(0.01).Init(p));
        Assert.Equal(["adam", "count"], adam.States.Select(s => s.Kind));
        var moments = Assert.IsType<AdamState>(adam.States[0]);
        Assert.Equal(0, moments.Count);
        Assert.True(moments.Mu.Equals(Gradients.ZerosLike(p)) && moments.Nu.Equals(Gradients.ZerosLike(p)));

        Assert.Equal(["adam", "empty", "count"], Assert.IsType<ChainState>(Optimizer.AdamW(0.01).Init(p)).States.Select(s => s.Kind));
        Assert.Equal(["momentum", "count"], Assert.IsType<ChainState>(Optimizer.SgdMomentum(0.1, 0.9).Init(p)).States.Select(s => s.Kind));
        Assert.Equal(["rms", "count"], Assert.IsType<ChainState>(Optimizer.RmsProp(0.01).Init(p)).States.Select(s => s.Kind));
        Assert.Equal("count", Optimizer.Sgd(0.1).Init(p).Kind);
    }

    [Fact]
    public void Every_update_advances_the_counts()
    {
        var p = SmallParameters();
        var opt = Optimizer.Adam(0.01);
        var state = opt.Init(p);
        for (var i = 0; i < 3; i++) (p, state) = opt.Step(p, Gradient(0.1), state);
        var chain = Assert.IsType<ChainState>(state);
        Assert.Equal(3, Assert.IsType<AdamState>(chain.States[0]).Count);
        Assert.Equal(3, Assert.IsType<CountState>(chain.States[1]).Count);
    }

    [Fact]
    public void Equal_states_are_equal_and_hash_alike_and_different_ones_do_not()
    {
        var p = SmallParameters();
        var opt = Optimizer.AdamW(0.01);
        var a = opt.Update(Gradient(0.1), opt.Init(p), p).State;
        var b = opt.Update(Gradient(0.1), opt.Init(p), p).State;
        var c = opt.Update(Gradient(0.2), opt.Init(p), p).State;
        Assert.NotSame(a, b);
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal(a.ContentHash(), b.ContentHash());
        Assert.NotEqual(a, c);
        Assert.NotEqual(a.ContentHash(), c.ContentHash());
        Assert.NotEqual(new CountState(1).ContentHash(), new CountState(2).ContentHash());
        Assert.NotEqual(new CountState(0).ContentHash(), EmptyState.Instance.ContentHash());
    }

    [Fact]
    public void A_state_of_the_wrong_kind_is_rejected_naming_both_kinds()
    {
        var p = SmallParameters();
        var e = Assert.Throws<ArgumentException>(() => Transform.ScaleByAdam().Update(Gradient(1), new CountState(0), p));
        Assert.Contains("expected a 'adam' state, got 'count'", e.Message);
        var chain = Assert.Throws<ArgumentException>(() =>
            Optimizer.Adam(0.01).Update(Gradient(1), new ChainState([new CountState(0)]), p));
        Assert.Contains("expected 2 inner states, got 1", chain.Message);
    }

    [Fact]
    public void States_reject_negative_counts_and_mismatched_moments()
    {
        var p = SmallParameters();
        Assert.Throws<ArgumentOutOfRangeException>(() => new CountState(-1));
        var other = new Gradients([new LayerTensors(Tensor.Zeros(1, 1), Tensor.Zeros(1, 1))]);
        var e = Assert.Throws<ArgumentException>(() => new AdamState(0, Gradients.ZerosLike(p), other));
        Assert.Contains("moments differ in shape", e.Message);
        Assert.Throws<ArgumentException>(() => new ChainState([(OptimizerState)null!]));
    }
}
