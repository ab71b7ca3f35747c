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

    /// <summary>ℓ(z, t) = (max(z,0) - z·t) + log1p(e^-|z|), the cross-entropy of one logit and its target.</summary>
    public static double OfLogit(double z, double t) =>
        (Math.Max(z, 0.0) - z * t) + SpecialFunctions.Log1p(Math.Exp(-Math.Abs(z)));

    internal static double MeanFromLogits(Tensor z, Tensor targets, string name)
    {
        z.RequireSameShape(targets, name);
        // Σ_j within a row in order, then the rows in the batch order of BatchReduction.
        return Compute.BatchReduction.Sum(z.Rows, r =>
        {
            var logits = z.Row(r);
            var t = targets.Row(r);
            var sum = 0.0;
            for (var j = 0; j < logits.Length; j++) sum += OfLogit(logits[j], t[j]);
            return sum;
        }) / z.Length;
    }
}
