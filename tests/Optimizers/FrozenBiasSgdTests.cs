using Functional.NN.Model;
using Functional.NN.Optimizers;
using Functional.NN.Training;
using Xunit;

namespace Functional.NN.Tests.Optimizers;

/// <summary>
/// The tutorial's SGD with frozen biases (formerly Sgd's freezeBiases flag, now
/// <c>Chain(Freeze(Biases), Sgd(η))</c>): the biases stay exactly as they were, bit for bit, whatever η,
/// and each weight moves to w + (-η·g) exactly, through the fused step and the tree-level update alike.
/// With the freeze after the learning rate, the biases stay even for η = ∞ (freeze first would give
/// 0·∞ = NaN there, as optax would: the set_to_zero output is then scaled by -∞).
/// </summary>
public sealed class FrozenBiasSgdTests
{
    private static readonly Parameters P = TutorialExample.Parameters;
    private static readonly Gradients G = global::Functional.NN.Passes.Backpropagation.Gradient(TutorialExample.Network, P, TutorialExample.Batch);
    private static readonly ParameterMask Biases = ParameterMask.Biases(TutorialExample.Network);

    [Theory]
    [InlineData(0.5)]
    [InlineData(1e300)]
    [InlineData(double.Epsilon)]
    public void Frozen_biases_stay_bit_for_bit_and_weights_take_the_sgd_step(double eta)
    {
        var sgd = Transform.Chain(Transform.Freeze(Biases), Optimizer.Sgd(eta));
        var (fused, _) = sgd.Step(P, G, sgd.Init(P));
        var (updates, _) = sgd.Update(G, sgd.Init(P), P);
        var tree = P.Apply(updates);
        foreach (var next in new[] { fused, tree })
            for (var l = 0; l < 2; l++)
            {
                Assert.Equal(P[l].Bias, next[l].Bias);
                for (var i = 0; i < 2; i++)
                for (var k = 0; k < 2; k++)
                    Assert.Equal(P[l].Weights[i, k] + -eta * G[l].Weights[i, k], next[l].Weights[i, k]);
            }
    }

    [Fact]
    public void Freezing_after_an_infinite_learning_rate_keeps_the_biases()
    {
        var sgd = Transform.Chain(Optimizer.Sgd(double.PositiveInfinity), Transform.Freeze(Biases));
        var (next, _) = sgd.Step(P, G, sgd.Init(P));
        for (var l = 0; l < 2; l++)
        {
            Assert.Equal(P[l].Bias, next[l].Bias);
            Assert.Equal(double.NegativeInfinity, next[l].Weights[0, 0]); // every gradient of the tutorial is > 0 at w1 and w5
        }
    }

    [Fact]
    public void Layerwise_training_with_frozen_biases_never_moves_them()
    {
        var sgd = Transform.Chain(Transform.Freeze(Biases), Optimizer.Sgd(TutorialExample.LearningRate));
        var after = Trainer.Layerwise(TutorialExample.Network, P, TutorialExample.Batch, sgd).ElementAt(3);
        for (var l = 0; l < 2; l++)
        {
            Assert.Equal(P[l].Bias, after.Parameters[l].Bias);
            Assert.NotEqual(P[l].Weights, after.Parameters[l].Weights);
        }
    }
}
