using Functional.NN.Model;
using Functional.NN.Optimizers;
using Functional.NN.Passes;

namespace Functional.NN.Training;

/// <summary>
/// Training as a lazy, infinite sequence of immutable states (an unfold): the caller decides how many to
/// take (<c>.Take(10_001).Last()</c>) and what to do with each. Nothing runs until the sequence is read,
/// and the sequence owns no state that outlives one element.
/// </summary>
public static class Trainer
{
    /// <summary>The states s_0, s_1, ... where s_(k+1) = (step from s_k) evaluated anew on the batch.</summary>
    /// <param name="network">The architecture.</param>
    /// <param name="initial">Parameters of s_0.</param>
    /// <param name="batch">The examples every step is computed on.</param>
    /// <param name="update">New parameters from the current state (its parameters and their gradient).</param>
    public static IEnumerable<TrainingState> Unfold(
        Network network, Parameters initial, Batch batch, Func<TrainingState, Parameters> update)
    {
        var state = Evaluate(network, initial, batch, 0);
        while (true)
        {
            yield return state;
            state = Evaluate(network, update(state), batch, state.Step + 1);
        }
    }

    /// <summary>Standard gradient descent, p ← p - η ∇L(p), as a lazy sequence of states.</summary>
    public static IEnumerable<TrainingState> GradientDescent(
        Network network, Parameters initial, Batch batch, double learningRate, bool freezeBiases = false) =>
        Unfold(network, initial, batch, s => Sgd.Step(s.Parameters, s.Gradients, learningRate, freezeBiases));

    /// <summary>The tutorial's layer-wise rule (<see cref="LayerwiseBackpropagation"/>) as a lazy sequence of states.</summary>
    public static IEnumerable<TrainingState> Layerwise(
        Network network, Parameters initial, Batch batch, double learningRate, bool freezeBiases = true) =>
        Unfold(network, initial, batch, s => LayerwiseBackpropagation.Step(network, s.Parameters, batch, learningRate, freezeBiases));

    private static TrainingState Evaluate(Network network, Parameters parameters, Batch batch, long step)
    {
        var result = Backpropagation.ValueAndGradient(network, parameters, batch);
        return new TrainingState(step, parameters, result.Value, result.Gradients);
    }
}
