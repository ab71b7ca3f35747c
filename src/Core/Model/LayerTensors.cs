using System.Numerics;
using Functional.NN.Tensors;

namespace Functional.NN.Model;

/// <summary>
/// The numbers of one dense layer: weights <c>[out x in]</c> (so z = W x + b) and bias <c>[1 x out]</c>.
/// Used alike for parameters, gradients and optimizer moments.
/// </summary>
/// <typeparam name="T">The element type, <see cref="double"/> or <see cref="float"/>.</typeparam>
/// <param name="Weights">W, one row per unit.</param>
/// <param name="Bias">b, as a row.</param>
public sealed record LayerTensors<T>(Tensor<T> Weights, Tensor<T> Bias) where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Units of the layer (rows of W).</summary>
    public int Outputs => Weights.Rows;

    /// <summary>Inputs of the layer (columns of W).</summary>
    public int Inputs => Weights.Columns;

    /// <summary>Applies <paramref name="f"/> to W and to b.</summary>
    public LayerTensors<T> Map(Func<Tensor<T>, Tensor<T>> f) => new(f(Weights), f(Bias));

    /// <summary>Applies <paramref name="f"/> to the matching tensors of both layers.</summary>
    public LayerTensors<T> Zip(LayerTensors<T> other, Func<Tensor<T>, Tensor<T>, Tensor<T>> f) =>
        new(f(Weights, other.Weights), f(Bias, other.Bias));

    /// <summary>True when both layers have the same shapes.</summary>
    public bool SameShape(LayerTensors<T> other) => Weights.SameShape(other.Weights) && Bias.SameShape(other.Bias);
}
