using System.Collections.Immutable;
using Functional.NN.Model;
using Functional.NN.Tensors;

namespace Functional.NN.Tests.Optimizers;

/// <summary>Trees moved between double and float for the float32 optimizer tests (to float: rounded to nearest).</summary>
public static class FloatTrees
{
    /// <summary>Every element rounded to the nearest float.</summary>
    public static Tensor<float> ToFloat(Tensor t) => Tensor<float>.Build(t.Rows, t.Columns, (r, c) => (float)t[r, c]);

    /// <summary>Every element widened to double (exactly).</summary>
    public static Tensor ToDouble(Tensor<float> t) => Tensor.Build(t.Rows, t.Columns, (r, c) => t[r, c]);

    /// <summary>The parameters rounded to float.</summary>
    public static Parameters<float> ToFloat(Parameters p) => Parameters<float>.FromTrustedLayers(Layers(p.Layers, ToFloat));

    /// <summary>The gradients rounded to float.</summary>
    public static Gradients<float> ToFloat(Gradients g) => new(Layers(g.Layers, ToFloat));

    /// <summary>The float parameters widened to double.</summary>
    public static Parameters ToDouble(Parameters<float> p) => Parameters.FromTrustedLayers(Layers(p.Layers, ToDouble));

    /// <summary>Tensor <paramref name="index"/> of a tree (2·layer weights, 2·layer + 1 bias) as a row-major array.</summary>
    public static float[] TensorArray(LayerTensors<float>[] layers, int index) =>
        (index % 2 == 0 ? layers[index / 2].Weights : layers[index / 2].Bias).ToArray();

    /// <summary>A float tree from one row-major array per tensor, shaped like <paramref name="like"/>.</summary>
    public static ImmutableArray<LayerTensors<float>> FromArrays(ImmutableArray<LayerTensors<float>> like, float[][] arrays) =>
        [.. like.Select((l, i) => new LayerTensors<float>(
            Tensor<float>.FromRowMajor(l.Weights.Rows, l.Weights.Columns, arrays[2 * i]).ThrowIfFail(),
            Tensor<float>.FromRowMajor(1, l.Bias.Columns, arrays[2 * i + 1]).ThrowIfFail()))];

    private static ImmutableArray<LayerTensors<TTo>> Layers<TFrom, TTo>(ImmutableArray<LayerTensors<TFrom>> layers, Func<Tensor<TFrom>, Tensor<TTo>> f)
        where TFrom : unmanaged, System.Numerics.IFloatingPointIeee754<TFrom> where TTo : unmanaged, System.Numerics.IFloatingPointIeee754<TTo> =>
        [.. layers.Select(l => new LayerTensors<TTo>(f(l.Weights), f(l.Bias)))];
}
