using System.Numerics;
using Functional.NN.Activations;
using Functional.NN.Tensors;

namespace Functional.NN.Losses;

/// <summary>
/// Binary cross-entropy on logits, as <c>torch.nn.BCEWithLogitsLoss</c>: the network's output is the logit z
/// (an <see cref="Identity"/> output layer) and the probability is σ(z). The mean over all B·K elements of
/// ℓ(z, t) = (max(z,0) - z·t) + log1p(e^-|z|), which equals -[t·log σ(z) + (1-t)·log(1-σ(z))] and is finite
/// and accurate for every finite z. dL/dz = (σ(z) - t)/(B·K).
/// </summary>
public sealed record BinaryCrossEntropyWithLogits : Loss
{
    /// <inheritdoc />
    public override string Name => "bce_logits";

    /// <inheritdoc />
    public override string? IncompatibilityWith(Activation outputActivation) =>
        outputActivation is Identity
            ? null
            : $"bce_logits needs an identity output layer (its outputs are logits), got {outputActivation.Name}; " +
              "for a sigmoid output layer use bce";

    /// <inheritdoc />
    public override T Value<T>(Tensor<T> z, Tensor<T> a, Tensor<T> targets) => MeanFromLogits(z, targets, Name);

    /// <inheritdoc />
    public override Tensor<T> OutputDelta<T>(Activation outputActivation, Tensor<T> z, Tensor<T> a, Tensor<T> targets)
    {
        var count = T.CreateTruncating(z.Length);
        return z.Zip(targets, (logit, t) => (Activations.Sigmoid.Logistic(logit) - t) / count);
    }

    /// <inheritdoc />
    internal override bool SplitsByRows => true;

    /// <summary>Σ_j ℓ(z_j, t_j) of one row.</summary>
    internal override T RowTerm<T>(Tensor<T> z, Tensor<T> a, Tensor<T> targets, int row) => RowOfLogits(z, targets, row);

    /// <summary>B·K: the mean is over every element.</summary>
    internal override double Divisor(int rows, int columns) => (double)rows * columns;

    /// <inheritdoc />
    internal override Tensor<T> OutputDelta<T>(Activation outputActivation, Tensor<T> z, Tensor<T> a, Tensor<T> targets, int batchRows)
    {
        var count = T.CreateTruncating((double)((long)batchRows * z.Columns));
        return z.Zip(targets, (logit, t) => (Activations.Sigmoid.Logistic(logit) - t) / count);
    }

    /// <summary>ℓ(z, t) = (max(z,0) - z·t) + log1p(e^-|z|), the cross-entropy of one logit and its target.</summary>
    public static T OfLogit<T>(T z, T t) where T : unmanaged, IFloatingPointIeee754<T> =>
        (T.Max(z, T.Zero) - z * t) + ScalarFunctions.Log1p(T.Exp(-T.Abs(z)));

    internal static T MeanFromLogits<T>(Tensor<T> z, Tensor<T> targets, string name) where T : unmanaged, IFloatingPointIeee754<T>
    {
        z.RequireSameShape(targets, name);
        // Σ_j within a row in order, then the rows in the batch order of BatchReduction.
        return Compute.BatchReduction.Sum(z.Rows, r => RowOfLogits(z, targets, r)) / T.CreateTruncating(z.Length);
    }

    /// <summary>Σ_j ℓ(z_j, t_j) of row <paramref name="r"/>, in column order.</summary>
    internal static T RowOfLogits<T>(Tensor<T> z, Tensor<T> targets, int r) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var logits = z.Row(r);
        var t = targets.Row(r);
        var sum = T.Zero;
        for (var j = 0; j < logits.Length; j++) sum += OfLogit(logits[j], t[j]);
        return sum;
    }
}
