using System.Numerics;
using Functional.NN.Activations;
using Functional.NN.Tensors;

namespace Functional.NN.Losses;

/// <summary>
/// Binary cross-entropy of sigmoid outputs y = σ(z), the mean over all B·K elements:
/// L = -(1/(B·K)) Σ [t·log y + (1-t)·log(1-y)], as <c>torch.nn.BCELoss</c> (without its clamping).
/// It needs a <see cref="Sigmoid"/> output layer, and is evaluated from the logits z, with
/// -log y = softplus(-z) and -log(1-y) = softplus(z), so each element is
/// (max(z,0) - z·t) + log1p(e^-|z|): finite for every finite z, even where y rounds to exactly 0 or 1.
/// The delta at z is fused: dL/dz = (y - t)/(B·K), the chain rule of dL/dy = (y - t)/(y(1-y)·B·K) through
/// σ'(z) = y(1-y) with the y(1-y) cancelled, so it never divides by a vanishing y(1-y).
/// <see cref="Value{T}(Tensor{T}, Tensor{T})"/> and <see cref="Gradient{T}(Tensor{T}, Tensor{T})"/> give the same loss on
/// the outputs y, in the textbook form.
/// </summary>
public sealed record BinaryCrossEntropy : Loss
{
    /// <inheritdoc />
    public override string Name => "bce";

    /// <inheritdoc />
    public override string? IncompatibilityWith(Activation outputActivation) =>
        outputActivation is Sigmoid
            ? null
            : $"bce needs a sigmoid output layer (its outputs are probabilities), got {outputActivation.Name}; " +
              "for a linear output layer use bce_logits";

    /// <summary>The loss from the logits z (the output layer's pre-activation); <paramref name="a"/> = σ(z) is not needed.</summary>
    public override T Value<T>(Tensor<T> z, Tensor<T> a, Tensor<T> targets) => Losses.BinaryCrossEntropyWithLogits.MeanFromLogits(z, targets, Name);

    /// <summary>dL/dz = (σ(z) - t)/(B·K), with σ(z) = <paramref name="a"/>; the output activation must be sigmoid.</summary>
    /// <exception cref="ArgumentException">When the output activation is not <see cref="Sigmoid"/>.</exception>
    public override Tensor<T> OutputDelta<T>(Activation outputActivation, Tensor<T> z, Tensor<T> a, Tensor<T> targets)
    {
        if (IncompatibilityWith(outputActivation) is { } why) throw new ArgumentException(why, nameof(outputActivation));
        var count = T.CreateTruncating(a.Length);
        return a.Zip(targets, (y, t) => (y - t) / count);
    }

    /// <inheritdoc />
    internal override bool SplitsByRows => true;

    /// <summary>Σ_j ℓ(z_j, t_j) of one row, from the logits.</summary>
    internal override T RowTerm<T>(Tensor<T> z, Tensor<T> a, Tensor<T> targets, int row) =>
        Losses.BinaryCrossEntropyWithLogits.RowOfLogits(z, targets, row);

    /// <summary>B·K: the mean is over every element.</summary>
    internal override double Divisor(int rows, int columns) => (double)rows * columns;

    /// <inheritdoc />
    internal override Tensor<T> OutputDelta<T>(Activation outputActivation, Tensor<T> z, Tensor<T> a, Tensor<T> targets, int batchRows)
    {
        if (IncompatibilityWith(outputActivation) is { } why) throw new ArgumentException(why, nameof(outputActivation));
        var count = T.CreateTruncating((double)((long)batchRows * a.Columns));
        return a.Zip(targets, (y, t) => (y - t) / count);
    }

    /// <summary>
    /// The textbook form on outputs y in [0, 1]: -(1/(B·K)) Σ [t·log y + (1-t)·log(1-y)]. A term whose weight
    /// t or 1-t is 0 is skipped, so y = 0 or 1 with the matching target costs 0 instead of 0·∞ = NaN; y = 0 or 1
    /// with the opposite target gives +∞. Prefer the value from the logits, which stays finite.
    /// </summary>
    public T Value<T>(Tensor<T> outputs, Tensor<T> targets) where T : unmanaged, IFloatingPointIeee754<T>
    {
        outputs.RequireSameShape(targets, Name);
        // Σ_j within a row in order, then the rows in the batch order of BatchReduction.
        return Compute.BatchReduction.Sum(outputs.Rows, r =>
        {
            var y = outputs.Row(r);
            var t = targets.Row(r);
            var sum = T.Zero;
            for (var j = 0; j < y.Length; j++)
            {
                if (t[j] != T.Zero) sum -= t[j] * T.Log(y[j]);
                if (t[j] != T.One) sum -= (T.One - t[j]) * T.Log(T.One - y[j]);
            }
            return sum;
        }) / T.CreateTruncating(outputs.Length);
    }

    /// <summary>dL/dy = (y - t)/(y(1-y)·B·K), the gradient with respect to the outputs (infinite where y is 0 or 1).</summary>
    public Tensor<T> Gradient<T>(Tensor<T> outputs, Tensor<T> targets) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var count = T.CreateTruncating(outputs.Length);
        return outputs.Zip(targets, (y, t) => (y - t) / (y * (T.One - y) * count));
    }
}
