using Functional.NN.Compute;
using Functional.NN.Model;
using Functional.NN.Training;

namespace Functional.NN.Optimizers;

/// <summary>
/// Plain SGD through the training step: <see cref="TrainingStep"/> with <see cref="Optimizer.Sgd"/>, for callers that
/// want only the loss and the new parameters, p ← p − η ∇L(p). Bit for bit
/// <c>GradientDescentStep.Apply(p, Backpropagation.ValueAndGradient(network, p, batch).Gradients, η)</c>.
/// </summary>
public static class FusedSgd
{
    /// <summary>The loss at <paramref name="parameters"/> on the batch, and the parameters after one SGD step.</summary>
    /// <param name="network">The architecture.</param>
    /// <param name="parameters">Current parameters.</param>
    /// <param name="batch">The examples of this step.</param>
    /// <param name="learningRate">η.</param>
    /// <exception cref="ArgumentException">The parameters or the batch do not fit the network.</exception>
    public static SgdStepResult Step(Network network, Parameters parameters, Batch batch, double learningRate) =>
        Step(ComputeBackend.Current, network, parameters, batch, learningRate);

    /// <summary><see cref="Step(Network, Parameters, Batch, double)"/> on a given backend.</summary>
    internal static SgdStepResult Step(ComputeBackend backend, Network network, Parameters parameters, Batch batch, double learningRate)
    {
        var sgd = Optimizer.Sgd(learningRate);
        var result = TrainingStep.Run(backend, network, sgd, parameters, new CountState(0), batch);
        return new SgdStepResult(result.Loss, result.Parameters);
    }
}
