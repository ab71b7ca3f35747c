using Functional.NN.Activations;
using Functional.NN.Tensors;

namespace Functional.NN.Losses;

/// <summary>
/// Softmax cross-entropy computed from the logits z with log-sum-exp:
/// L = (1/B) Σ_n [logΣ_k e^(z_nk) - Σ_j t_nj z_nj], which for one-hot targets is -(1/B) Σ_n log softmax(z_n)[label_n].
/// Fused with its <see cref="Softmax"/> output layer: dL/dz = (softmax(z) - t)/B. Finite for logits of any size.
/// </summary>
public sealed record SoftmaxCrossEntropy : Loss
{
    /// <inheritdoc />
    public override string Name => "softmax_ce";

    /// <inheritdoc />
    public override string? IncompatibilityWith(Activation outputActivation) =>
        outputActivation is Softmax ? null : $"softmax_ce needs a softmax output layer, got {outputActivation.Name}";

    /// <inheritdoc />
    public override double Value(Tensor z, Tensor a, Tensor targets)
    {
        z.RequireSameShape(targets, Name);
        var total = 0.0;
        for (var r = 0; r < z.Rows; r++)
        {
            var logits = z.Row(r);
            var t = targets.Row(r);
            var max = double.NegativeInfinity;
            foreach (var x in logits) max = Math.Max(max, x);
            var sum = 0.0;
            foreach (var x in logits) sum += Math.Exp(x - max);
            var logSumExp = max + Math.Log(sum);
            // Skipping zero targets keeps -inf logits of other classes from producing 0·∞ = NaN.
            for (var j = 0; j < logits.Length; j++)
                if (t[j] != 0) total += t[j] * (logSumExp - logits[j]);
        }
        return total / z.Rows;
    }

    /// <inheritdoc />
    public override Tensor OutputDelta(Activation outputActivation, Tensor z, Tensor a, Tensor targets)
    {
        var batch = (double)z.Rows;
        return a.Zip(targets, (p, t) => (p - t) / batch);
    }
}
