using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Functional.NN.Model;
using Functional.NN.Optimizers;
using Functional.NN.Passes;
using Functional.NN.Training;

namespace Functional.NN.Tests.Properties;

/// <summary>
/// The training sequences are the unfolds they claim to be, and the layer-wise rule differs from the
/// standard one only below the output layer.
/// </summary>
[Properties(Arbitrary = [typeof(Arbitraries)], MaxTest = 50)]
public sealed class TrainingProperties
{
    private const double LearningRate = 0.1;

    [Property]
    public Property Gradient_descent_states_follow_sgd_steps_from_their_own_gradients(Case c, bool freezeBiases)
    {
        var states = Trainer.GradientDescent(c.Network, c.Parameters, c.Batch, LearningRate, freezeBiases).Take(3).ToList();
        var consistent = Enumerable.Range(0, states.Count).All(k =>
        {
            var evaluated = Backpropagation.ValueAndGradient(c.Network, states[k].Parameters, c.Batch);
            return states[k].Step == k && states[k].Loss.Equals(evaluated.Value) && states[k].Gradients.Equals(evaluated.Gradients)
                   && (k == 0 || states[k].Parameters.Equals(Sgd.Step(states[k - 1].Parameters, states[k - 1].Gradients, LearningRate, freezeBiases)));
        });
        return (states[0].Parameters.Equals(c.Parameters) && consistent).Label("a state is not the SGD step of the one before");
    }

    [Property]
    public Property Layerwise_and_standard_steps_agree_on_the_output_layer(Case c, bool freezeBiases)
    {
        var (standard, layerwise) = BothSteps(c, freezeBiases);
        var output = c.Network.Layers.Length - 1;
        var agreeBelow = output > 0 || standard.Equals(layerwise);
        return (standard[output].Equals(layerwise[output]) && agreeBelow)
            .Label("the output layer (or a one-layer network) differs between the rules");
    }

    [Property]
    public Property Frozen_biases_keep_every_bit(Case c)
    {
        var (standard, layerwise) = BothSteps(c, freezeBiases: true);
        var unchanged = Enumerable.Range(0, c.Parameters.Count).All(l =>
            standard[l].Bias.ContentHash() == c.Parameters[l].Bias.ContentHash()
            && layerwise[l].Bias.ContentHash() == c.Parameters[l].Bias.ContentHash());
        return unchanged.Label("a frozen bias changed");
    }

    private static (Parameters Standard, Parameters Layerwise) BothSteps(Case c, bool freezeBiases)
    {
        var gradients = Backpropagation.Gradient(c.Network, c.Parameters, c.Batch);
        return (Sgd.Step(c.Parameters, gradients, LearningRate, freezeBiases),
                LayerwiseBackpropagation.Step(c.Network, c.Parameters, c.Batch, LearningRate, freezeBiases));
    }
}
