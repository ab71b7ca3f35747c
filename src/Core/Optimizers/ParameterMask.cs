using System.Collections.Immutable;
using System.Numerics;
using Functional.NN.Model;

namespace Functional.NN.Optimizers;

/// <summary>Whether a layer's weights and its bias are selected by a <see cref="ParameterMask"/>.</summary>
/// <param name="Weights">True when the weight matrix is selected.</param>
/// <param name="Bias">True when the bias is selected.</param>
public sealed record LayerMask(bool Weights, bool Bias);

/// <summary>
/// A tree of booleans in the shape of <see cref="Parameters"/>, one per layer's weights and one per layer's bias
/// (an optax mask): it selects the tensors that <see cref="Transform.Masked"/> hands to its inner transformation.
/// </summary>
public sealed record ParameterMask
{
    /// <summary>A mask from one entry per layer, in layer order.</summary>
    public ParameterMask(ImmutableArray<LayerMask> layers)
    {
        if (layers.IsDefault) throw new ArgumentNullException(nameof(layers));
        Layers = layers;
    }

    /// <summary>One entry per layer, from the first hidden layer to the output layer.</summary>
    public ImmutableArray<LayerMask> Layers { get; }

    /// <summary>Every bias of <paramref name="network"/> selected, no weight.</summary>
    public static ParameterMask Biases(Network network) => Uniform(network, new LayerMask(Weights: false, Bias: true));

    /// <summary>Every weight matrix of <paramref name="network"/> selected, no bias.</summary>
    public static ParameterMask Weights(Network network) => Uniform(network, new LayerMask(Weights: true, Bias: false));

    /// <summary>Whether tensor <paramref name="tensor"/> (2·layer for the weights, 2·layer + 1 for the bias) is selected.</summary>
    internal bool Selects(int tensor) => tensor % 2 == 0 ? Layers[tensor / 2].Weights : Layers[tensor / 2].Bias;

    /// <summary>Throws unless the mask has one entry per layer of <paramref name="tree"/>.</summary>
    internal void RequireFits<TTree, T>(LayerTree<TTree, T> tree, string transformation)
        where TTree : LayerTree<TTree, T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (tree.Count != Layers.Length)
            throw new ArgumentException($"{transformation}: the mask has {Layers.Length} layers, the tree has {tree.Count} ({tree.Describe()})");
    }

    /// <summary>Equal when the entries are equal, in order.</summary>
    public bool Equals(ParameterMask? other) => other is not null && Layers.SequenceEqual(other.Layers);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var layer in Layers) hash.Add(layer);
        return hash.ToHashCode();
    }

    /// <summary>The entries as text: <c>[W b] [W -]</c> (- for not selected).</summary>
    public override string ToString() =>
        string.Join(" ", Layers.Select(l => $"[{(l.Weights ? "W" : "-")} {(l.Bias ? "b" : "-")}]"));

    private static ParameterMask Uniform(Network network, LayerMask layer) =>
        new(Enumerable.Repeat(layer, network.Layers.Length).ToImmutableArray());
}
