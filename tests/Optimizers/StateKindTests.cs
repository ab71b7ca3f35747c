using Functional.NN.Model;
using Functional.NN.Optimizers;
using Xunit;

namespace Functional.NN.Tests.Optimizers;

/// <summary>
/// Every transformation refuses a state of another kind, through its tree-level update and through the
/// fused step alike, with a message that names the transformation, the kind it expects and the kind it got;
/// a chain also refuses a chain state with the wrong number of inner states.
/// </summary>
public sealed class StateKindTests
{
    private static readonly Parameters P = TutorialExample.Parameters;
    private static readonly Gradients G = global::Functional.NN.Passes.Backpropagation.Gradient(TutorialExample.Network, P, TutorialExample.Batch);
    private static readonly OptimizerState Count = new CountState(0);
    private static readonly OptimizerState Empty = EmptyState.Instance;

    public static TheoryData<GradientTransformation, OptimizerState, string> WrongKinds() => new()
    {
        { Transform.Identity(), Count, "identity: expected a 'empty' state, got 'count'" },
        { Transform.SetToZero(), Count, "set_to_zero: expected a 'empty' state, got 'count'" },
        { Transform.ScaleByLearningRate(0.5), Empty, "scale_by_learning_rate(0.5): expected a 'count' state, got 'empty'" },
        { Transform.ScaleByMomentum(0.9), Count, "scale_by_momentum(momentum=0.9, nesterov=false): expected a 'momentum' state, got 'count'" },
        { Transform.ScaleByAdam(), Empty, "scale_by_adam(b1=0.9, b2=0.999, eps=1E-08): expected a 'adam' state, got 'empty'" },
        { Transform.ScaleByRms(), Count, "scale_by_rms(alpha=0.99, eps=1E-08): expected a 'rms' state, got 'count'" },
        { Transform.AddDecayedWeights(0.1), Count, "add_decayed_weights(weight_decay=0.1): expected a 'empty' state, got 'count'" },
        { Transform.ClipByGlobalNorm(1e-3), Count, "clip_by_global_norm(max_norm=0.001): expected a 'empty' state, got 'count'" },
        { Optimizer.Sgd(0.5), Empty, "scale_by_learning_rate(0.5): expected a 'count' state, got 'empty'" },
        { Optimizer.Adam(0.5), Count, "expected a 'chain' state, got 'count'" },
    };

    [Theory, MemberData(nameof(WrongKinds))]
    public void Update_refuses_a_state_of_another_kind(GradientTransformation transformation, OptimizerState wrong, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => transformation.Update(G, wrong, P));
        Assert.Contains(message, error.Message);
        Assert.Equal("state", error.ParamName);
    }

    [Theory, MemberData(nameof(WrongKinds))]
    public void Step_refuses_a_state_of_another_kind(GradientTransformation transformation, OptimizerState wrong, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => transformation.Step(P, G, wrong));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void A_null_state_is_named_null()
    {
        var error = Assert.Throws<ArgumentException>(() => Transform.ScaleByAdam().Update(G, null!, P));
        Assert.Contains("expected a 'adam' state, got 'null'", error.Message);
    }

    [Fact]
    public void A_chain_refuses_a_chain_state_with_another_number_of_inner_states()
    {
        var adam = Optimizer.Adam(0.01);
        var three = new ChainState([Transform.ScaleByAdam().Init(P), new CountState(0), new CountState(0)]);
        const string message = "chain(scale_by_adam(b1=0.9, b2=0.999, eps=1E-08), scale_by_learning_rate(0.01)): expected 2 inner states, got 3";
        Assert.Contains(message, Assert.Throws<ArgumentException>(() => adam.Update(G, three, P)).Message);
        Assert.Contains(message, Assert.Throws<ArgumentException>(() => adam.Step(P, G, three)).Message);
    }

    [Fact]
    public void A_chain_refuses_a_missing_transformation()
    {
        var error = Assert.Throws<ArgumentException>(() => Transform.Chain(Transform.Identity(), null!));
        Assert.Equal("chain: transformation 1 is null (Parameter 'transformations')", error.Message);
    }
}
