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
        var backend = ComputeBackend.Current;
        var layers = new LayerTensors[parameters.Count];
        for (var l = 0; l < layers.Length; l++)
        {
            var (p, g) = (parameters[l], gradients[l]);
            layers[l] = new LayerTensors(Update(p.Weights, g.Weights.Span, learningRate, backend),
                UpdatedBias(p.Bias, g.Bias.Span, learningRate, freezeBiases, backend));
        }
        return Parameters.FromTrustedLayers(ImmutableCollectionsMarshal.AsImmutableArray(layers));
    }

    /// <summary>A new tensor p - η g.</summary>
    internal static Tensor Update(Tensor p, ReadOnlySpan<double> g, double learningRate, ComputeBackend backend)
    {
        var result = GC.AllocateUninitializedArray<double>(p.Length);
        MatrixKernels.SubtractScaled(p.Span, g, learningRate, result, backend);
        return Tensor.Own(p.Rows, p.Columns, result);
    }

    /// <summary>The bias after a step: kept as it is when frozen (p - η·0 = p for finite η), else p - η g.</summary>
    internal static Tensor UpdatedBias(Tensor bias, ReadOnlySpan<double> gradient, double learningRate, bool freeze, ComputeBackend backend) =>
        freeze && double.IsFinite(learningRate) ? bias
        : freeze ? Update(bias, new double[bias.Length], learningRate, backend)
        : Update(bias, gradient, learningRate, backend);

    private static void RequireSameShapes(Parameters parameters, Gradients gradients)
    {
        var same = parameters.Count == gradients.Count;
        for (var l = 0; same && l < parameters.Count; l++) same = parameters[l].SameShape(gradients[l]);
        if (!same)
            throw new ArgumentException($"layer shapes differ: {parameters.Describe()} and {gradients.Describe()}");
    }
}
