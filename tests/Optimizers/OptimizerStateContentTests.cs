using System.Collections.Immutable;
using Functional.NN.Model;
using Functional.NN.Optimizers;
using Functional.NN.Tensors;
using Xunit;

namespace Functional.NN.Tests.Optimizers;

/// <summary>
/// What a checkpoint relies on: each state's content hash is SHA-256 of its kind and parts, one per line (the
/// expected values computed with Python's hashlib from the same text), and every state refuses missing parts and
/// negative counts with its kind in the message.
/// </summary>
public sealed class OptimizerStateContentTests
{
    /// <summary>One layer, W = [0.5, -0.25], b = [2]: tree hash 83f9f33f... (sha256 of both tensors' shapes and bits).</summary>
    private static readonly Gradients Tree =
        new([new LayerTensors(Tensor.RowVector([0.5, -0.25]), Tensor.RowVector([2.0]))]);

    [Fact]
    public void Each_kind_hashes_its_kind_and_parts_one_per_line()
    {
        Assert.Equal("83f9f33f2793b203a0873add74a9cb4012d937a46421fc432b8f6be2bf5db9df", Tree.ContentHash());
        Assert.Equal("5136e6fbef4ac625f9b725a5bdbb36add986e4bc33548311a13f698bd729d0ad", new CountState(3).ContentHash());
        Assert.Equal("2e1cfa82b035c26cbbbdae632cea070514eb8b773f616aaeaf668e2f0be8f10d", EmptyState.Instance.ContentHash());
        Assert.Equal("3f2373d2d840ad9f0a4ab53150cf776b96056cc4dab1e2f7de6e5ccab8b0945d",
            new ChainState([new CountState(1), EmptyState.Instance]).ContentHash());
        Assert.Equal("a793ea9b6dbbd57de3cd9cd80f118d014b32afd9b9a090ef7e424a6169c0102c", new MomentumState(2, Tree).ContentHash());
        Assert.Equal("ea0bc5ba753edf2514c95c173ff08a560649b6dde8c6b20b0346f7bb50854abe", new RmsState(4, Tree).ContentHash());
        Assert.Equal("0f005349332b072a691907ddd2b51ddc805c8b22dfb0fdbf1bff92f5cafb6177", new AdamState(5, Tree, Tree).ContentHash());
    }

    [Fact]
    public void Kinds_are_the_names_checkpoints_use()
    {
        Assert.Equal(("count", "empty", "chain"), (new CountState(0).Kind, EmptyState.Instance.Kind, new ChainState([]).Kind));
        Assert.Equal(("momentum", "rms", "adam"), (new MomentumState(0, Tree).Kind, new RmsState(0, Tree).Kind, new AdamState(0, Tree, Tree).Kind));
    }

    [Fact]
    public void A_negative_count_is_refused_naming_the_kind()
    {
        Assert.StartsWith("count state: the step count must be >= 0", Assert.Throws<ArgumentOutOfRangeException>(() => new CountState(-1)).Message);
        Assert.StartsWith("momentum state: the step count must be >= 0",
            Assert.Throws<ArgumentOutOfRangeException>(() => new MomentumState(-1, Tree)).Message);
        Assert.StartsWith("rms state: the step count must be >= 0", Assert.Throws<ArgumentOutOfRangeException>(() => new RmsState(-2, Tree)).Message);
        Assert.StartsWith("adam state: the step count must be >= 0",
            Assert.Throws<ArgumentOutOfRangeException>(() => new AdamState(-1, Tree, Tree)).Message);
        Assert.Equal(0, new CountState(0).Count);
    }

    [Fact]
    public void Missing_parts_are_refused_by_name()
    {
        Assert.Equal("buffer", Assert.Throws<ArgumentNullException>(() => new MomentumState(0, null!)).ParamName);
        Assert.Equal("nu", Assert.Throws<ArgumentNullException>(() => new RmsState(0, null!)).ParamName);
        Assert.Equal("mu", Assert.Throws<ArgumentNullException>(() => new AdamState(0, null!, Tree)).ParamName);
        Assert.Equal("nu", Assert.Throws<ArgumentNullException>(() => new AdamState(0, Tree, null!)).ParamName);
        Assert.Equal("states", Assert.Throws<ArgumentNullException>(() => new ChainState(default)).ParamName);
        Assert.StartsWith("chain state: element 1 is null",
            Assert.Throws<ArgumentException>(() => new ChainState([new CountState(0), null!])).Message);
        Assert.Equal("layers", Assert.Throws<ArgumentNullException>(() => new ParameterMask(default)).ParamName);
    }

    [Fact]
    public void Mismatched_adam_moments_name_both_shapes()
    {
        var other = new Gradients([new LayerTensors(Tensor.Zeros(1, 1), Tensor.Zeros(1, 1))]);
        var e = Assert.Throws<ArgumentException>(() => new AdamState(0, Tree, other));
        Assert.StartsWith("adam state: moments differ in shape, mu W[1 x 2] b[1 x 1] and nu W[1 x 1] b[1 x 1]", e.Message);
        Assert.Equal("nu", e.ParamName);
    }

    [Fact]
    public void Chain_states_are_equal_element_by_element()
    {
        var a = new ChainState([new CountState(1), new MomentumState(2, Tree)]);
        var b = new ChainState(ImmutableArray.Create<OptimizerState>(new CountState(1), new MomentumState(2, Tree.MapScalars(x => x))));
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, new ChainState([new CountState(1)]));
        Assert.NotEqual(a, new ChainState([new CountState(2), new MomentumState(2, Tree)]));
        Assert.NotEqual(a.GetHashCode(), new ChainState([new CountState(2), new MomentumState(2, Tree)]).GetHashCode());
        Assert.False(a.Equals(null));
    }
}
