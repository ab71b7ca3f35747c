using System.Numerics;
using Functional.NN.Activations;
using Functional.NN.Compute;
using Functional.NN.Tensors;

namespace Functional.NN.Passes;

/// <summary>
/// One layer's step of backpropagation, the chain rule for a dense layer z_l = a_(l-1) W_lᵀ + b_l, from
/// δ_l = dL/dz_l <c>[rows x units]</c>, the layer's input a_(l-1) <c>[rows x inputs]</c> and W_l <c>[units x inputs]</c>:
/// <code>
/// dL/dW_l = δ_lᵀ a_(l-1)
/// dL/db_l = Σ_rows δ_l
/// δ_(l-1) = f'_(l-1)(z_(l-1)) ⊙ (δ_l W_l)
/// </code>
/// Every backward pass is made of these (<see cref="Backpropagation"/>, <see cref="LayerwiseBackpropagation"/>,
/// <see cref="ChainRuleFactors"/> and the training step); each writes into buffers its caller owns.
/// </summary>
internal static class LayerBackward
{
    /// <summary>The layer below a step: its activation and its trace, and where δ_(l-1) goes.</summary>
    /// <param name="Activation">f_(l-1), element-wise (only the output layer may be otherwise).</param>
    /// <param name="Z">z_(l-1), <c>[rows x inputs]</c>.</param>
    /// <param name="A">a_(l-1) = f_(l-1)(z_(l-1)).</param>
    /// <param name="Delta">At least rows·inputs long; receives δ_(l-1).</param>
    public readonly record struct Below<T>(ElementwiseActivation Activation, ReadOnlyMemory<T> Z, ReadOnlyMemory<T> A, T[] Delta) where T : unmanaged, IFloatingPointIeee754<T>;

    /// <summary>
    /// dL/dW_l and dL/db_l into <paramref name="weights"/> and <paramref name="bias"/>, and δ_(l-1) into
    /// <paramref name="below"/> unless it is null (the first layer). On two threads the gradient and δ_(l-1), which
    /// are independent products of equal size, run side by side when that pays (<see cref="BackwardPair"/>).
    /// <paramref name="withGradient"/>, when given, runs right after the gradient on the same thread (with the
    /// backend that thread uses), while the gradient is still in the cache: the training step updates the layer there.
    /// </summary>
    public static void Run<T>(ComputeBackend backend, ReadOnlyMemory<T> delta, ReadOnlyMemory<T> input, Tensor<T> layerWeights,
        int rows, T[] weights, T[] bias, Below<T>? below, Action<ComputeBackend>? withGradient = null) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (below is not { } b)
        {
            GradientThen(backend, delta.Span, input.Span, rows, layerWeights, weights, bias, withGradient);
            return;
        }
        // Stryker disable once Boolean : side by side or one after the other gives the same bits; the choice only changes the speed
        if (BackwardPair.SideBySide(backend, rows, layerWeights))
            SideBySide(backend, delta, input, layerWeights, rows, weights, bias, b, withGradient);
        else
        {
            GradientThen(backend, delta.Span, input.Span, rows, layerWeights, weights, bias, withGradient);
            DeltaBelow(backend, b, delta.Span, layerWeights, rows);
        }
    }

    // Methods of their own, so that only the side-by-side case pays for closures (a small network's step allocates none).
    private static void SideBySide<T>(ComputeBackend backend, ReadOnlyMemory<T> delta, ReadOnlyMemory<T> input, Tensor<T> layerWeights,
        int rows, T[] weights, T[] bias, Below<T> below, Action<ComputeBackend>? withGradient) where T : unmanaged, IFloatingPointIeee754<T> =>
        BackwardPair.Run(backend, on => GradientThen(on, delta.Span, input.Span, rows, layerWeights, weights, bias, withGradient),
            on => DeltaBelow(on, below, delta.Span, layerWeights, rows));

    private static void GradientThen<T>(ComputeBackend on, ReadOnlySpan<T> delta, ReadOnlySpan<T> input, int rows, Tensor<T> layerWeights,
        T[] weights, T[] bias, Action<ComputeBackend>? withGradient) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Gradient(on, delta, input, rows, layerWeights.Rows, layerWeights.Columns, weights, bias);
        withGradient?.Invoke(on);
    }

    /// <summary>dL/dW_l = δ_lᵀ a_(l-1) and dL/db_l = Σ_rows δ_l, into the first units·inputs and units elements.</summary>
    public static void Gradient<T>(ComputeBackend on, ReadOnlySpan<T> delta, ReadOnlySpan<T> input, int rows, int units, int inputs,
        Span<T> weights, Span<T> bias) where T : unmanaged, IFloatingPointIeee754<T>
    {
        on.Multiply(true, false, units, inputs, rows, delta, input, weights[..(units * inputs)], accumulate: false);
        MatrixKernels.ColumnSums(delta, bias[..units], rows, units);
    }

    /// <summary>δ_(l-1) = f'(z_(l-1)) ⊙ (δ_l W_l), into <see cref="Below{T}.Delta"/>.</summary>
    public static void DeltaBelow<T>(ComputeBackend on, Below<T> below, ReadOnlySpan<T> delta, Tensor<T> weights, int rows) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var length = rows * weights.Columns;
        var result = below.Delta.AsSpan(0, length);
        GradientOfInputs(on, delta, weights, rows, result);
        below.Activation.Backward(below.Z.Span[..length], below.A.Span[..length], result, result);
    }

    /// <summary>dL/da_(l-1) = δ_l W_l, the gradient reaching the layer's input, into <paramref name="result"/> (rows·inputs).</summary>
    public static void GradientOfInputs<T>(ComputeBackend on, ReadOnlySpan<T> delta, Tensor<T> weights, int rows, Span<T> result) where T : unmanaged, IFloatingPointIeee754<T> =>
        on.Multiply(false, false, rows, weights.Columns, weights.Rows, delta, weights.Span, result, accumulate: false);
}
