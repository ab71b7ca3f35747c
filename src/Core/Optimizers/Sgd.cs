using System.Collections.Immutable;
using Functional.NN.Model;

namespace Functional.NN.Optimizers;

/// <summary>Plain stochastic gradient descent as one pure function: p ← p - η g.</summary>
public static class Sgd
{
    /// <summary>New parameters p - η g for every weight, and for every bias unless biases are frozen.</summary>
    /// <param name="parameters">Current parameters.</param>
    /// <param name="gradients">dL/dp in the same shape.</param>
    /// <param name="learningRate">η.</param>
    /// <param name="freezeBiases">When true, biases keep their values (the tutorial's setting).</param>
    public static Parameters Step(Parameters parameters, Gradients gradients, double learningRate, bool freezeBiases = false)
    {
        var updates = freezeBiases
            ? new Gradients(gradients.Layers.Select(l => l with { Bias = l.Bias.Map(_ => 0.0) }).ToImmutableArray())
            : gradients;
        return parameters.Subtract(updates, learningRate);
    }
}
