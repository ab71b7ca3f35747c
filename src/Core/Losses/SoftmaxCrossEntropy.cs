using System.Numerics;
using Functional.NN.Activations;
using Functional.NN.Tensors;

namespace Functional.NN.Losses;

/// <summary>
/// Softmax cross-entropy computed from the logits z with log-sum-exp:
/// L = (1/B) Σ_n [logΣ_k e^(z_nk) - Σ_j t_nj z_nj], which for one-hot targets is -(1/B) Σ_n log softmax(z_n)[label_n].
/// Fused with its <see cref="Softmax"/> output layer: dL/dz = (softmax(z) - t)/B. Finite for logits of any size.
/// For integer class labels, build the one-hot targets with <see cref="ClassLabels.OneHot"/>.
/// </summary>
public sealed record SoftmaxCrossEntropy : Loss
{
    /// <inheritdoc />
    public override string Name => "softmax_ce";

    /// <inheritdoc />
    public override string? IncompatibilityWith(Activation outputActivation) =>
        outputActivation is Softmax ? null : $"softmax_ce needs a softmax output layer, got {outputActivation.Name}";

    /// <inheritdoc />
    public override T Value<T>(Tensor<T> z, Tensor<T> a, Tensor<T> targets)
    {
        z.RequireSameShape(targets, Name);
        // Each row's loss, then the rows in the batch order of BatchReduction.
        return MeanOfRows(z, a, targets);
    }

    /// <inheritdoc />
    internal override bool SplitsByRows => true;

    /// <summary>logΣ_k e^(z_k) - Σ_j t_j z_j of one row, from its logits.</summary>
    internal override T RowTerm<T>(Tensor<T> z, Tensor<T> a, Tensor<T> targets, int r)
    {
        var total = T.Zero;
        var logits = z.Row(r);
        var t = targets.Row(r);
        var top = 0;
        for (var j = 1; j < logits.Length; j++)
            // Stryker disable once Equality : >= takes the last of tied largest logits instead of the first; max and the multiset of the other terms are the same, so is the value
            if (logits[j] > logits[top]) top = j;
        var max = logits[top];
        // log Σ_k e^(z_k - max) = log1p(Σ_(k≠top) e^(z_k - max)) keeps its precision when one logit dominates.
        var rest = T.Zero;
        for (var j = 0; j < logits.Length; j++)
            if (j != top) rest += T.Exp(logits[j] - max);
        var logSum = ScalarFunctions.Log1p(rest);
        // -log softmax(z)_j = (max - z_j) + logSum. Skipping zero targets keeps -inf logits of other
        // classes from producing 0·∞ = NaN.
        for (var j = 0; j < logits.Length; j++)
            if (t[j] != T.Zero) total += t[j] * ((max - logits[j]) + logSum);
        return total;
    }

    /// <inheritdoc />
    internal override Tensor<T> OutputDelta<T>(Activation outputActivation, Tensor<T> z, Tensor<T> a, Tensor<T> targets, int batchRows)
    {
        var batch = T.CreateTruncating(batchRows);
        return a.Zip(targets, (p, t) => (p - t) / batch);
    }

    /// <inheritdoc />
    public override Tensor<T> OutputDelta<T>(Activation outputActivation, Tensor<T> z, Tensor<T> a, Tensor<T> targets)
    {
        var batch = T.CreateTruncating(z.Rows);
        return a.Zip(targets, (p, t) => (p - t) / batch);
    }
}
