using System.Collections.Immutable;
using System.Numerics;
using System.Security.Cryptography;
using Functional.NN.Tensors;

namespace Functional.NN.Model;

/// <summary>
/// One weight matrix and one bias row per layer: the single shape shared by <see cref="Parameters{T}"/>,
/// <see cref="Gradients{T}"/> and optimizer moments (like a JAX pytree). Immutable, with structural equality
/// and a stable content hash.
/// </summary>
/// <typeparam name="TSelf">The concrete tree type, so that operations return the same kind of tree.</typeparam>
/// <typeparam name="T">The element type, <see cref="double"/> or <see cref="float"/>.</typeparam>
public abstract class LayerTree<TSelf, T> : IEquatable<TSelf> where TSelf : LayerTree<TSelf, T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private protected LayerTree(ImmutableArray<LayerTensors<T>> layers) => Layers = layers;

    /// <summary>The layers, from the first hidden layer to the output layer.</summary>
    public ImmutableArray<LayerTensors<T>> Layers { get; }

    /// <summary>Number of layers.</summary>
    public int Count => Layers.Length;

    /// <summary>Layer <paramref name="index"/> (0-based).</summary>
    public LayerTensors<T> this[int index] => Layers[index];

    /// <summary>Total number of scalars in the tree.</summary>
    public int ScalarCount => Layers.Sum(l => l.Weights.Length + l.Bias.Length);

    private protected abstract TSelf Create(ImmutableArray<LayerTensors<T>> layers);

    /// <summary>A tree of the same kind with <paramref name="f"/> applied to every tensor.</summary>
    public TSelf Map(Func<Tensor<T>, Tensor<T>> f) => Create(Layers.Select(l => l.Map(f)).ToImmutableArray());

    /// <summary>A tree with <paramref name="f"/> applied to every scalar.</summary>
    public TSelf MapScalars(Func<T, T> f) => Map(t => t.Map(f));

    /// <summary>A tree of the same kind with <paramref name="f"/> applied to matching tensors of both trees.</summary>
    public TSelf Zip<TOther>(LayerTree<TOther, T> other, Func<Tensor<T>, Tensor<T>, Tensor<T>> f) where TOther : LayerTree<TOther, T>
    {
        RequireSameStructure(other);
        return Create(Layers.Zip(other.Layers, (a, b) => a.Zip(b, f)).ToImmutableArray());
    }

    /// <summary>A tree with <paramref name="f"/> applied to matching scalars of both trees.</summary>
    public TSelf ZipScalars<TOther>(LayerTree<TOther, T> other, Func<T, T, T> f) where TOther : LayerTree<TOther, T> =>
        Zip(other, (a, b) => a.Zip(b, f));

    /// <summary>The Euclidean norm of all scalars taken together (as <c>optax.global_norm</c>).</summary>
    public T GlobalNorm()
    {
        var total = T.Zero;
        foreach (var layer in Layers) total += layer.Weights.SumOfSquares() + layer.Bias.SumOfSquares();
        return T.Sqrt(total);
    }

    /// <summary>True when every scalar is finite.</summary>
    public bool IsFinite() => Layers.All(l => l.Weights.IsFinite() && l.Bias.IsFinite());

    /// <summary>True when both trees have the same layer shapes.</summary>
    public bool SameStructure<TOther>(LayerTree<TOther, T> other) where TOther : LayerTree<TOther, T>
    {
        if (Count != other.Count) return false;
        for (var l = 0; l < Count; l++)
            if (!Layers[l].SameShape(other.Layers[l])) return false;
        return true;
    }

    /// <summary>
    /// SHA-256 over every layer's shapes and the IEEE-754 bits of every number (-0 as 0, one NaN), in lower-case hex:
    /// equal trees have equal hashes on every machine. For experiment manifests.
    /// </summary>
    public string ContentHash()
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var layer in Layers)
        {
            sha.AppendData(layer.Weights.ContentBytes());
            sha.AppendData(layer.Bias.ContentBytes());
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private protected void RequireSameStructure<TOther>(LayerTree<TOther, T> other) where TOther : LayerTree<TOther, T>
    {
        if (!SameStructure(other))
            throw new ArgumentException($"layer shapes differ: {Describe()} and {other.Describe()}");
    }

    /// <summary>The shapes, layer by layer: <c>W[2 x 2] b[1 x 2] | W[2 x 2] b[1 x 2]</c>.</summary>
    public string Describe() =>
        string.Join(" | ", Layers.Select(l => $"W{l.Weights.ShapeText} b{l.Bias.ShapeText}"));

    /// <inheritdoc />
    public bool Equals(TSelf? other) =>
        other is not null && Layers.Length == other.Layers.Length && Layers.SequenceEqual(other.Layers);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is TSelf other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var layer in Layers) hash.Add(layer);
        return hash.ToHashCode();
    }

    /// <summary>The kind of tree and its shapes, <c>Parameters(W[2 x 2] b[1 x 2])</c>; the element type is named when it is not double (<c>Parameters&lt;float32&gt;(...)</c>).</summary>
    public override string ToString()
    {
        var kind = GetType().Name.Split('`')[0];
        return typeof(T) == typeof(double) ? $"{kind}({Describe()})" : $"{kind}<{ElementTypeName.Of<T>()}>({Describe()})";
    }
}
