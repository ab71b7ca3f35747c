using System.Collections.Immutable;
using System.Numerics;
using Functional.NN.Model;
using Functional.NN.Tensors;

namespace Functional.NN.Optimizers.Elementwise;

/// <summary>
/// A moment tree (Adam's m, RMSprop's v, a momentum buffer) during one element-wise step: the previous tree is
/// read, the next one is written into arrays of the same shapes from a <see cref="StepArrays"/>, which become an
/// immutable tree at the end.
/// </summary>
/// <typeparam name="T">The element type, <see cref="double"/> or <see cref="float"/>.</typeparam>
internal sealed class MomentTree<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Gradients<T> _previous;
    private readonly T[][] _next;

    /// <summary>A step from <paramref name="previous"/>, the next moments written into arrays from <paramref name="arrays"/>.</summary>
    public MomentTree(Gradients<T> previous, StepArrays arrays)
    {
        _previous = previous;
        _next = new T[previous.Count * 2][];
        for (var t = 0; t < _next.Length; t++) _next[t] = arrays.Take<T>(MomentTree.TensorOf(previous, t).Length);
    }

    /// <summary>The previous values of elements [offset, offset + length) of tensor <paramref name="tensor"/>.</summary>
    public ReadOnlySpan<T> Previous(int tensor, int offset, int length) => MomentTree.TensorOf(_previous, tensor).Span.Slice(offset, length);

    /// <summary>Where the next values of those elements go.</summary>
    public Span<T> Next(int tensor, int offset, int length) => _next[tensor].AsSpan(offset, length);

    /// <summary>The next tree (every element must have been written).</summary>
    public Gradients<T> Finish()
    {
        var layers = ImmutableArray.CreateBuilder<LayerTensors<T>>(_previous.Count);
        for (var l = 0; l < _previous.Count; l++)
        {
            var (w, b) = (_previous[l].Weights, _previous[l].Bias);
            layers.Add(new LayerTensors<T>(Tensor<T>.Own(w.Rows, w.Columns, _next[2 * l]), Tensor<T>.Own(b.Rows, b.Columns, _next[2 * l + 1])));
        }
        return new Gradients<T>(layers.MoveToImmutable());
    }
}

/// <summary>How the element-wise pass numbers the tensors of a tree.</summary>
internal static class MomentTree
{
    /// <summary>Tensor <paramref name="tensor"/> of a tree: 2·layer is the weights, 2·layer + 1 the bias.</summary>
    public static Tensor<T> TensorOf<TTree, T>(LayerTree<TTree, T> tree, int tensor)
        where TTree : LayerTree<TTree, T> where T : unmanaged, IFloatingPointIeee754<T> =>
        tensor % 2 == 0 ? tree[tensor / 2].Weights : tree[tensor / 2].Bias;
}
