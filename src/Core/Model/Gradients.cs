using System.Collections.Immutable;
using System.Numerics;

namespace Functional.NN.Model;

/// <summary>
/// dL/dW and dL/db for every layer, in the shape of <see cref="Parameters{T}"/>. Pure arithmetic so that
/// gradients from data shards can be summed and averaged.
/// </summary>
/// <typeparam name="T">The element type, <see cref="double"/> or <see cref="float"/>.</typeparam>
public sealed class Gradients<T> : LayerTree<Gradients<T>, T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Gradients from per-layer tensors, in layer order.</summary>
    public Gradients(ImmutableArray<LayerTensors<T>> layers) : base(layers) { }

    private protected override Gradients<T> Create(ImmutableArray<LayerTensors<T>> layers) => new(layers);

    /// <summary>Element-wise sum. Associative and commutative up to rounding.</summary>
    public Gradients<T> Add(Gradients<T> other) => ZipScalars(other, (a, b) => a + b);

    /// <summary>Every element multiplied by <paramref name="factor"/>.</summary>
    public Gradients<T> Scale(T factor) => MapScalars(x => x * factor);

    /// <summary>The same gradients in the element type <typeparamref name="TOther"/>, each number rounded once to nearest.</summary>
    public Gradients<TOther> Convert<TOther>() where TOther : unmanaged, IFloatingPointIeee754<TOther> =>
        new([.. Layers.Select(l => new LayerTensors<TOther>(l.Weights.Convert<TOther>(), l.Bias.Convert<TOther>()))]);

    /// <summary>Zero gradients in the shape of <paramref name="parameters"/>.</summary>
    public static Gradients<T> ZerosLike(Parameters<T> parameters) => new(parameters.Map(t => t.Map(_ => T.Zero)).Layers);
}
