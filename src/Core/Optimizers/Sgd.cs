using System.Runtime.InteropServices;
using Functional.NN.Compute;
using Functional.NN.Model;
using Functional.NN.Tensors;

namespace Functional.NN.Optimizers;

/// <summary>Plain stochastic gradient descent as one pure function: p ← p - η g.</summary>
public static class Sgd
{
    /// <summary>New parameters p - η g for every weight, and for every bias unless biases are frozen.</summary>
    /// <param name="parameters">Current parameters.</param>
    /// <param name="gradients">dL/dp in the same shape.</param>
    /// <param name="learningRate">η.</param>
    /// <param name="freezeBiases">When true (as in the tutorial), biases keep their values.</param>
    public static Parameters Step(Parameters parameters, Gradients gradients, double learningRate, bool freezeBiases = false)
    {
        RequireSameShapes(parameters, gradients);
        var threads = ComputeBackend.Current.Threads;
        var layers = new LayerTensors[parameters.Count];
        for (var l = 0; l < layers.Length; l++)
        {
            var (p, g) = (parameters[l], gradients[l]);
            // A frozen bias is p - η·0 = p exactly for any finite η, so the (immutable) tensor itself is kept.
            var bias = freezeBiases && double.IsFinite(learningRate) ? p.Bias
                : freezeBiases ? Update(p.Bias, new double[p.Bias.Length], learningRate, threads)
                : Update(p.Bias, g.Bias.Span, learningRate, threads);
            layers[l] = new LayerTensors(Update(p.Weights, g.Weights.Span, learningRate, threads), bias);
        }
        return Parameters.FromTrustedLayers(ImmutableCollectionsMarshal.AsImmutableArray(layers));
    }

    private static Tensor Update(Tensor p, ReadOnlySpan<double> g, double learningRate, int threads)
    {
        var result = GC.AllocateUninitializedArray<double>(p.Length);
        MatrixKernels.SubtractScaled(p.Span, g, learningRate, result, threads);
        return Tensor.Own(p.Rows, p.Columns, result);
    }

    private static void RequireSameShapes(Parameters parameters, Gradients gradients)
    {
        var same = parameters.Count == gradients.Count;
        for (var l = 0; same && l < parameters.Count; l++) same = parameters[l].SameShape(gradients[l]);
        if (!same)
            throw new ArgumentException($"layer shapes differ: {parameters.Describe()} and {gradients.Describe()}");
    }
}
