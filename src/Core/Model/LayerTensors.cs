using Functional.NN.Tensors;

namespace Functional.NN.Model;

/// <summary>
/// The numbers of one dense layer: weights <c>[out x in]</c> (so z = W x + b) and bias <c>[1 x out]</c>.
/// Used alike for parameters, gradients and optimizer moments.
/// </summary>
/// <param name="Weights">W, one row per unit.</param>
/// <param name="Bias">b, as a row.</param>
public sealed record LayerTensors(Tensor Weights, Tensor Bias)
{
    /// <summary>Units of the layer (rows of W).</summary>
    public int Outputs => Weights.Rows;

    /// <summary>Inputs of the layer (columns of W).</summary>
    public int Inputs => Weights.Columns;

    /// <summary>Applies <paramref name="f"/> to W and to b.</summary>
    public LayerTensors Map(Func<Tensor, Tensor> f) => new(f(Weights), f(Bias));

    /// <summary>Applies <paramref name="f"/> to the matching tensors of both layers.</summary>
    public LayerTensors Zip(LayerTensors other, Func<Tensor, Tensor, Tensor> f) =>
        new(f(Weights, other.Weights), f(Bias, other.Bias));

    /// <summary>True when both layers have the same shapes.</summary>
    public bool SameShape(LayerTensors other) => Weights.SameShape(other.Weights) && Bias.SameShape(other.Bias);
}
