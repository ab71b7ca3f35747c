using System.Numerics;
using Functional.NN.Model;
using Functional.NN.Optimizers;
using Functional.NN.Passes;

namespace Functional.NN.Training;

/// <summary>
/// Full-batch training as a lazy, infinite sequence of immutable states (an unfold): the caller decides how many to
/// take (<c>.Take(10_001).Last()</c>) and what to do with each. Nothing runs until the sequence is read, and each
/// enumeration starts afresh from the initial parameters. Every state carries the loss and the gradient at its
/// parameters (for mini-batch training without them, see <see cref="MiniBatchTrainer"/>).
/// </summary>
public static class Trainer
{
    /// <summary>The states s_0, s_1, ... where s_(k+1) = (step from s_k) evaluated anew on the batch.</summary>
    /// <param name="network">The architecture.</param>
    /// <param name="initial">Parameters of s_0.</param>
    /// <param name="batch">The examples every step is computed on.</param>
    /// <param name="update">New parameters from the current state (its parameters and their gradient).</param>
    public static IEnumerable<TrainingState<T>> Unfold<T>(
        Network network, Parameters<T> initial, Batch<T> batch, Func<TrainingState<T>, Parameters<T>> update) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var state = Evaluate(network, initial, batch, 0);
        while (true)
        {
            yield return state;
            state = Evaluate(network, update(state), batch, state.Step + 1);
        }
    }

    /// <summary>Gradient descent with any optimizer, p ← p + u with u from the gradient at p, as a lazy sequence of states.</summary>
    public static IEnumerable<TrainingState<T>> GradientDescent<T>(Network network, Parameters<T> initial, Batch<T> batch, GradientTransformation optimizer) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var optimizerState = optimizer.InitialState(initial);
        var state = Evaluate(network, initial, batch, 0);
        while (true)
        {
            yield return state;
            var (parameters, next) = optimizer.Step(state.Parameters, state.Gradients, optimizerState);
            optimizerState = next;
            state = Evaluate(network, parameters, batch, state.Step + 1);
        }
    }

    /// <summary>Standard gradient descent, p ← p − η ∇L(p) (<see cref="Optimizer.Sgd"/>), as a lazy sequence of states.</summary>
    public static IEnumerable<TrainingState<T>> GradientDescent<T>(Network network, Parameters<T> initial, Batch<T> batch, double learningRate) where T : unmanaged, IFloatingPointIeee754<T> =>
        GradientDescent(network, initial, batch, Optimizer.Sgd(learningRate));

    /// <summary>
    /// The tutorial's layer-wise rule (<see cref="LayerwiseBackpropagation"/>) with an element-wise optimizer, as a lazy
    /// sequence of states; the tutorial's own is <c>Chain(Transform.Freeze(ParameterMask.Biases(network)), Optimizer.Sgd(η))</c>.
    /// </summary>
    public static IEnumerable<TrainingState> Layerwise(Network network, Parameters initial, Batch batch, GradientTransformation optimizer)
    {
        var optimizerState = optimizer.Init(initial);
        var state = Evaluate(network, initial, batch, 0);
        while (true)
        {
            yield return state;
            var step = LayerwiseBackpropagation.Step(network, state.Parameters, batch, optimizer, optimizerState);
            optimizerState = step.OptimizerState;
            state = Evaluate(network, step.Parameters, batch, state.Step + 1);
        }
    }

    private static TrainingState<T> Evaluate<T>(Network network, Parameters<T> parameters, Batch<T> batch, long step) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var result = Backpropagation.ValueAndGradient(network, parameters, batch);
        return new TrainingState<T>(step, parameters, result.Value, result.Gradients);
    }
}
