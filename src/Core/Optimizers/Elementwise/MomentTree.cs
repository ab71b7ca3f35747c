using System.Collections.Immutable;
using Functional.NN.Model;
using Functional.NN.Tensors;

namespace Functional.NN.Optimizers.Elementwise;

/// <summary>
/// A moment tree (Adam's m, RMSprop's v, a momentum buffer) during one element-wise step: the previous tree is
/// read, the next one is written into arrays of the same shapes from a <see cref="StepArrays"/>, which become an
/// immutable tree at the end.
/// </summary>
internal sealed class MomentTree
{
    private readonly Gradients _previous;
    private readonly double[][] _next;

    /// <summary>A step from <paramref name="previous"/>, the next moments written into arrays from <paramref name="arrays"/>.</summary>
    public MomentTree(Gradients previous, StepArrays arrays)
    {
        _previous = previous;
        _next = new double[previous.Count * 2][];
        for (var t = 0; t < _next.Length; t++) _next[t] = arrays.Take(TensorOf(previous, t).Length);
    }

    /// <summary>The previous values of elements [offset, offset + length) of tensor <paramref name="tensor"/>.</summary>
    public ReadOnlySpan<double> Previous(int tensor, int offset, int length) => TensorOf(_previous, tensor).Span.Slice(offset, length);

    /// <summary>Where the next values of those elements go.</summary>
    public Span<double> Next(int tensor, int offset, int length) => _next[tensor].AsSpan(offset, length);

    /// <summary>The next tree (every element must have been written).</summary>
    public Gradients Finish()
    {
        var layers = ImmutableArray.CreateBuilder<LayerTensors>(_previous.Count);
        for (var l = 0; l < _previous.Count; l++)
        {
            var (w, b) = (_previous[l].Weights, _previous[l].Bias);
            layers.Add(new LayerTensors(Tensor.Own(w.Rows, w.Columns, _next[2 * l]), Tensor.Own(b.Rows, b.Columns, _next[2 * l + 1])));
        }
        return new Gradients(layers.MoveToImmutable());
    }

    /// <summary>Tensor <paramref name="tensor"/> of a tree: 2·layer is the weights, 2·layer + 1 the bias.</summary>
    public static Tensor TensorOf<TTree>(LayerTree<TTree, double> tree, int tensor) where TTree : LayerTree<TTree, double> =>
        tensor % 2 == 0 ? tree[tensor / 2].Weights : tree[tensor / 2].Bias;
}
