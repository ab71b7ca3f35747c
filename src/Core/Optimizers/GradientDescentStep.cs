using System.Numerics;
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
    /// <typeparam name="T">The element type, double or float (η is rounded to it once).</typeparam>
    /// <remarks>To keep some parameters as they are, chain <see cref="Transform.Freeze"/> before <see cref="Optimizer.Sgd"/>.</remarks>
    public static Parameters<T> Apply<T>(Parameters<T> parameters, Gradients<T> gradients, double learningRate)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var sgd = Optimizer.Sgd(learningRate);
        return sgd.Step(parameters, gradients, sgd.InitialState(parameters)).Parameters;
    }
}
