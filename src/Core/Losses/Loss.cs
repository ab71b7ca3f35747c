using System.Numerics;
using Functional.NN.Activations;
using Functional.NN.Tensors;

namespace Functional.NN.Losses;

/// <summary>
/// A training objective over a batch: its value, and the gradient that starts the backward pass at the
/// output layer. Losses that are defined on the network's output a derive from <see cref="OutputLoss"/>;
/// losses fused with their output activation (such as softmax cross-entropy, defined on the logits z)
/// implement both members directly.
/// </summary>
public abstract record Loss
{
    private protected Loss() { }

    /// <summary>The name used in experiment files and reports (<c>half_sse</c>, <c>mse</c>, ...).</summary>
    public abstract string Name { get; }

    /// <summary>The loss of a batch, given the output layer's pre-activation z, its activation a, and the targets.</summary>
    public abstract T Value<T>(Tensor<T> z, Tensor<T> a, Tensor<T> targets) where T : unmanaged, IFloatingPointIeee754<T>;

    /// <summary>dL/dz at the output layer, the first delta of backpropagation.</summary>
    public abstract Tensor<T> OutputDelta<T>(Activation outputActivation, Tensor<T> z, Tensor<T> a, Tensor<T> targets) where T : unmanaged, IFloatingPointIeee754<T>;

    /// <summary>
    /// Null when this loss can follow <paramref name="outputActivation"/>; otherwise why it cannot.
    /// </summary>
    public virtual string? IncompatibilityWith(Activation outputActivation) => null;

    /// <summary>
    /// True when the loss is a mean of row terms, L = Σ_rows <see cref="RowTerm"/> / <see cref="Divisor"/>, and its
    /// delta on some rows of a batch does not depend on the other rows (every built-in loss): then a batch split by
    /// rows across processes gives the same bits as the whole batch. A custom loss sees only the rows it is given.
    /// </summary>
    internal virtual bool SplitsByRows => false;

    /// <summary>Row <paramref name="row"/>'s term of the loss sum, before the division by <see cref="Divisor"/>.</summary>
    internal virtual T RowTerm<T>(Tensor<T> z, Tensor<T> a, Tensor<T> targets, int row) where T : unmanaged, IFloatingPointIeee754<T> =>
        throw new NotSupportedException($"{Name}: the loss is not a mean of row terms");

    /// <summary>What the sum of row terms of a batch of <paramref name="rows"/> rows of <paramref name="columns"/> outputs is divided by.</summary>
    internal virtual double Divisor(int rows, int columns) => rows;

    /// <summary>
    /// dL/dz at the output for the rows given, as rows of a batch of <paramref name="batchRows"/> rows (the mean's
    /// divisor is that batch's): <see cref="OutputDelta{T}(Activation, Tensor{T}, Tensor{T}, Tensor{T})"/> when it is all of them.
    /// </summary>
    // Stryker disable once all : unreachable, every loss overrides it (OutputLoss seals its own; bce, bce_logits and softmax_ce have theirs)
    internal virtual Tensor<T> OutputDelta<T>(Activation outputActivation, Tensor<T> z, Tensor<T> a, Tensor<T> targets, int batchRows) where T : unmanaged, IFloatingPointIeee754<T> =>
        batchRows == z.Rows ? OutputDelta(outputActivation, z, a, targets)
            : throw new NotSupportedException($"{Name}: the loss cannot be split by rows");

    /// <summary>The batch's loss from its row terms, in the order of <see cref="Compute.BatchReduction"/>.</summary>
    private protected T MeanOfRows<T>(Tensor<T> z, Tensor<T> a, Tensor<T> targets) where T : unmanaged, IFloatingPointIeee754<T> =>
        Compute.BatchReduction.Sum(z.Rows, r => RowTerm(z, a, targets, r)) / T.CreateTruncating(Divisor(z.Rows, z.Columns));

    /// <summary>The tutorial's E = Σ ½(t - y)², averaged over the batch.</summary>
    public static Loss HalfSumSquaredError { get; } = new HalfSumSquaredError();

    /// <summary>Mean squared error over all elements (no ½).</summary>
    public static Loss MeanSquaredError { get; } = new MeanSquaredError();

    /// <summary>Softmax cross-entropy from the logits; needs a softmax output layer.</summary>
    public static Loss SoftmaxCrossEntropy { get; } = new SoftmaxCrossEntropy();

    /// <summary>Binary cross-entropy of sigmoid outputs, evaluated from the logits; needs a sigmoid output layer.</summary>
    public static Loss BinaryCrossEntropy { get; } = new BinaryCrossEntropy();

    /// <summary>Binary cross-entropy on logits (fused with the sigmoid); needs an identity output layer.</summary>
    public static Loss BinaryCrossEntropyWithLogits { get; } = new BinaryCrossEntropyWithLogits();

    /// <summary>A user-defined loss on the network's output, with its gradient with respect to that output.</summary>
    public static Loss Custom(string name, Func<Tensor, Tensor, double> value, Func<Tensor, Tensor, Tensor> gradient) =>
        new CustomLoss(name, value, gradient);
}

/// <summary>
/// A loss defined on the network's output a: L(a, t), with dL/da. The delta at the output layer is the
/// chain rule through the output activation.
/// </summary>
public abstract record OutputLoss : Loss
{
    private protected OutputLoss() { }

    /// <summary>L(a, t) for a batch of outputs <c>[batch x outputs]</c> and targets of the same shape.</summary>
    public abstract T Value<T>(Tensor<T> outputs, Tensor<T> targets) where T : unmanaged, IFloatingPointIeee754<T>;

    /// <summary>dL/da, the same shape as the outputs.</summary>
    public abstract Tensor<T> Gradient<T>(Tensor<T> outputs, Tensor<T> targets) where T : unmanaged, IFloatingPointIeee754<T>;

    /// <inheritdoc />
    public sealed override T Value<T>(Tensor<T> z, Tensor<T> a, Tensor<T> targets) => Value(a, targets);

    /// <inheritdoc />
    public sealed override Tensor<T> OutputDelta<T>(Activation outputActivation, Tensor<T> z, Tensor<T> a, Tensor<T> targets)
    {
        if (outputActivation is not ElementwiseActivation elementwise || !z.SameShape(a))
            return outputActivation.Backward(z, a, Gradient(a, targets));
        // Fused: dL/da is written into a fresh buffer, and f'(z) is applied in that same buffer.
        var delta = GC.AllocateUninitializedArray<T>(a.Length);
        Gradient(a, targets, delta);
        elementwise.Backward(z.Span, a.Span, delta, delta);
        return Tensor<T>.Own(z.Rows, z.Columns, delta);
    }

    /// <inheritdoc />
    internal sealed override Tensor<T> OutputDelta<T>(Activation outputActivation, Tensor<T> z, Tensor<T> a, Tensor<T> targets, int batchRows)
    {
        if (batchRows == z.Rows) return OutputDelta(outputActivation, z, a, targets);
        if (!SplitsByRows) throw new NotSupportedException($"{Name}: the loss cannot be split by rows");
        var delta = GC.AllocateUninitializedArray<T>(a.Length);
        Gradient(a, targets, delta, batchRows);
        var gradient = Tensor<T>.Own(a.Rows, a.Columns, delta);
        // Stryker disable once Boolean : the fused branch and Backward compute the same element-wise product in the same order (same bits); the choice only saves a buffer
        if (outputActivation is not ElementwiseActivation elementwise || !z.SameShape(a))
            return outputActivation.Backward(z, a, gradient);
        elementwise.Backward(z.Span, a.Span, delta, delta);
        return gradient;
    }

    /// <summary>dL/da for the rows given, as rows of a batch of <paramref name="batchRows"/> rows (losses that split by rows).</summary>
    internal virtual void Gradient<T>(Tensor<T> outputs, Tensor<T> targets, Span<T> result, int batchRows) where T : unmanaged, IFloatingPointIeee754<T> =>
        throw new NotSupportedException($"{Name}: the loss cannot be split by rows");

    /// <summary>dL/da into a buffer the caller owns; by default a copy of <see cref="Gradient{T}(Tensor{T}, Tensor{T})"/>.</summary>
    internal virtual void Gradient<T>(Tensor<T> outputs, Tensor<T> targets, Span<T> result) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var gradient = Gradient(outputs, targets);
        outputs.RequireSameShape(gradient, $"{Name} gradient");
        gradient.Span.CopyTo(result);
    }
}
