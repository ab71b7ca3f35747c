using System.Collections.Immutable;

namespace Functional.NN.Model;

/// <summary>
/// dL/dW and dL/db for every layer, in the shape of <see cref="Parameters"/>. Pure arithmetic so that
/// gradients from data shards can be summed and averaged.
/// </summary>
public sealed class Gradients : LayerTree<Gradients>
{
    /// <summary>Gradients from per-layer tensors, in layer order.</summary>
    public Gradients(ImmutableArray<LayerTensors> layers) : base(layers) { }

    private protected override Gradients Create(ImmutableArray<LayerTensors> layers) => new(layers);

    /// <summary>Element-wise sum. Associative and commutative up to rounding.</summary>
    public Gradients Add(Gradients other) => ZipScalars(other, (a, b) => a + b);

    /// <summary>Every element multiplied by <paramref name="factor"/>.</summary>
    public Gradients Scale(double factor) => MapScalars(x => x * factor);

    /// <summary>Zero gradients in the shape of <paramref name="parameters"/>.</summary>
    public static Gradients ZerosLike(Parameters parameters) => new(parameters.Map(t => t.Map(_ => 0.0)).Layers);
}
