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
        var states = Trainer.GradientDescent(c.Network, c.Parameters, c.Batch, Sgd(c, freezeBiases)).Take(3).ToList();
        var consistent = Enumerable.Range(0, states.Count).All(k =>
        {
            var evaluated = Backpropagation.ValueAndGradient(c.Network, states[k].Parameters, c.Batch);
            return states[k].Step == k && states[k].Loss.Equals(evaluated.Value) && states[k].Gradients.Equals(evaluated.Gradients)
                   && (k == 0 || states[k].Parameters.Equals(Step(c, freezeBiases, states[k - 1].Parameters, states[k - 1].Gradients)));
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

    /// <summary>
    /// With optimizers that keep a state per parameter, from a state one step old (so that every moment is its own):
    /// each layer's weights and bias must be stepped with their own moments, so the output layer agrees with the
    /// standard step exactly.
    /// </summary>
    [Property]
    public Property Layerwise_steps_of_stateful_optimizers_agree_with_standard_steps_on_the_output_layer(Case c)
    {
        var output = c.Network.Layers.Length - 1;
        GradientTransformation[] optimizers =
            [Optimizer.Adam(0.01), Optimizer.SgdMomentum(0.1, 0.9), Optimizer.RmsProp(0.01), Optimizer.AdamW(0.01)];
        return optimizers.All(o =>
        {
            var warm = o.Step(c.Parameters, Backpropagation.Gradient(c.Network, c.Parameters, c.Batch), o.Init(c.Parameters));
            var standard = o.Step(warm.Parameters, Backpropagation.Gradient(c.Network, warm.Parameters, c.Batch), warm.State);
            var layerwise = LayerwiseBackpropagation.Step(c.Network, warm.Parameters, c.Batch, o, warm.State);
            return standard.Parameters[output].Equals(layerwise.Parameters[output]);
        }).Label("a stateful optimizer's layer-wise step differs from the standard step on the output layer");
    }

    private static (Parameters Standard, Parameters Layerwise) BothSteps(Case c, bool freezeBiases)
    {
        var gradients = Backpropagation.Gradient(c.Network, c.Parameters, c.Batch);
        var sgd = Sgd(c, freezeBiases);
        return (Step(c, freezeBiases, c.Parameters, gradients),
                LayerwiseBackpropagation.Step(c.Network, c.Parameters, c.Batch, sgd, sgd.Init(c.Parameters)).Parameters);
    }

    /// <summary>SGD, with every bias frozen by a mask when <paramref name="freezeBiases"/> is true.</summary>
    private static GradientTransformation Sgd(Case c, bool freezeBiases) => freezeBiases
        ? Transform.Chain(Transform.Freeze(ParameterMask.Biases(c.Network)), Optimizer.Sgd(LearningRate))
        : Optimizer.Sgd(LearningRate);

    /// <summary>One step of <see cref="Sgd(Case, bool)"/> from its initial state.</summary>
    private static Parameters Step(Case c, bool freezeBiases, Parameters parameters, Gradients gradients)
    {
        var sgd = Sgd(c, freezeBiases);
        return sgd.Step(parameters, gradients, sgd.Init(parameters)).Parameters;
    }
}
