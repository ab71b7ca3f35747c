using Functional.NN.Model;

namespace Functional.NN.Optimizers;

/// <summary>
/// One plain gradient-descent update as a pure function, p ← p − η g: the same numbers as one step of the
/// optimizer <see cref="Optimizer.Sgd"/>, without an optimizer state to carry.
/// </summary>
public static class GradientDescentStep
{
    /// <summary>New parameters p − η g for every weight and every bias.</summary>
    /// <param name="parameters">Current parameters.</param>
    /// <param name="gradients">dL/dp in the same shape.</param>
    /// <param name="learningRate">η.</param>
    /// <remarks>To keep some parameters as they are, chain <see cref="Transform.Freeze"/> before <see cref="Optimizer.Sgd"/>.</remarks>
    public static Parameters Apply(Parameters parameters, Gradients gradients, double learningRate)
    {
        var sgd = Optimizer.Sgd(learningRate);
        return sgd.Step(parameters, gradients, sgd.Init(parameters)).Parameters;
    }
}
