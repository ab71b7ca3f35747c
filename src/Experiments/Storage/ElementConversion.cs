using System.Numerics;
using Functional.NN.Model;
using Functional.NN.Tensors;

namespace Functional.NN.Experiments.Storage;

/// <summary>Numbers of one element type as another: float to double is exact, so a widened model computes from the same values.</summary>
internal static class ElementConversion
{
    /// <summary>Each number of <paramref name="tensor"/> as <typeparamref name="TTo"/> (<c>CreateChecked</c>: exact when widening).</summary>
    public static Tensor<TTo> Convert<TFrom, TTo>(Tensor<TFrom> tensor)
        where TFrom : unmanaged, IFloatingPointIeee754<TFrom> where TTo : unmanaged, IFloatingPointIeee754<TTo>
    {
        var source = tensor.Span;
        var values = new TTo[source.Length];
        for (var i = 0; i < values.Length; i++) values[i] = TTo.CreateChecked(source[i]);
        return Tensor<TTo>.FromRowMajor(tensor.Rows, tensor.Columns, values).ThrowIfFail();
    }

    /// <summary>The parameters of <paramref name="network"/> with every number as a double: exact for float and double parameters.</summary>
    public static Parameters<double> Widen<T>(Network network, Parameters<T> parameters) where T : unmanaged, IFloatingPointIeee754<T> =>
        Parameters<double>.Create(network, parameters.Layers.Select(l => new LayerTensors<double>(Convert<T, double>(l.Weights), Convert<T, double>(l.Bias))))
            .ThrowIfFail();
}
