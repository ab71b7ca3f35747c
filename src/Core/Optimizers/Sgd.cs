using Functional.NN.Model;

namespace Functional.NN.Optimizers;

/// <summary>Plain stochastic gradient descent as one pure function: p ← p − η g (<see cref="Optimizer.Sgd"/> for one step).</summary>
public static class Sgd
{
    /// <summary>New parameters p − η g for every weight and every bias.</summary>
    /// <param name="parameters">Current parameters.</param>
    /// <param name="gradients">dL/dp in the same shape.</param>
    /// <param name="learningRate">η.</param>
    /// <remarks>To keep some parameters as they are, chain <see cref="Transform.Freeze"/> before <see cref="Optimizer.Sgd"/>.</remarks>
    public static Parameters Step(Parameters parameters, Gradients gradients, double learningRate)
    {
        var sgd = Optimizer.Sgd(learningRate);
        return sgd.Step(parameters, gradients, sgd.Init(parameters)).Parameters;
    }
}
