using Functional.NN.Activations;
using Functional.NN.Tensors;
using MathNet.Numerics;

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
    public override double Value(Tensor z, Tensor a, Tensor targets) => MeanFromLogits(z, targets, Name);

    /// <inheritdoc />
    public override Tensor OutputDelta(Activation outputActivation, Tensor z, Tensor a, Tensor targets)
    {
        var count = (double)z.Length;
        return z.Zip(targets, (logit, t) => (Activations.Sigmoid.Logistic(logit) - t) / count);
    }

    /// <inheritdoc />
    internal override bool SplitsByRows => true;

    /// <summary>Σ_j ℓ(z_j, t_j) of one row.</summary>
    internal override double RowTerm(Tensor z, Tensor a, Tensor targets, int row) => RowOfLogits(z, targets, row);

    /// <summary>B·K: the mean is over every element.</summary>
    internal override double Divisor(int rows, int columns) => (double)rows * columns;

    /// <inheritdoc />
    internal override Tensor OutputDelta(Activation outputActivation, Tensor z, Tensor a, Tensor targets, int batchRows)
    {
        var count = (double)((long)batchRows * z.Columns);
        return z.Zip(targets, (logit, t) => (Activations.Sigmoid.Logistic(logit) - t) / count);
    }

    /// <summary>ℓ(z, t) = (max(z,0) - z·t) + log1p(e^-|z|), the cross-entropy of one logit and its target.</summary>
    public static double OfLogit(double z, double t) =>
        (Math.Max(z, 0.0) - z * t) + SpecialFunctions.Log1p(Math.Exp(-Math.Abs(z)));

    internal static double MeanFromLogits(Tensor z, Tensor targets, string name)
    {
        z.RequireSameShape(targets, name);
        // Σ_j within a row in order, then the rows in the batch order of BatchReduction.
        return Compute.BatchReduction.Sum(z.Rows, r => RowOfLogits(z, targets, r)) / z.Length;
    }

    /// <summary>Σ_j ℓ(z_j, t_j) of row <paramref name="r"/>, in column order.</summary>
    internal static double RowOfLogits(Tensor z, Tensor targets, int r)
    {
        var logits = z.Row(r);
        var t = targets.Row(r);
        var sum = 0.0;
        for (var j = 0; j < logits.Length; j++) sum += OfLogit(logits[j], t[j]);
        return sum;
    }
}
