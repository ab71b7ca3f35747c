using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Functional.NN.Activations;
using Functional.NN.Losses;
using Functional.NN.Tensors;
using Functional.NN.Tests.Activations;

namespace Functional.NN.Tests.Losses;

/// <summary>
/// The cross-entropies stay finite for logits up to ±1000, and agree with the naive textbook formulas wherever
/// those are finite, within the naive formula's own rounding error.
/// </summary>
public sealed class LargeLogitProperties
{
    private const double Epsilon = 2.220446049250313e-16;

    private static Property Finite(Loss loss, Activation output, Arbitrary<(Tensor Z, Tensor Targets)> cases) =>
        Prop.ForAll(cases, c =>
        {
            var a = output.Apply(c.Z);
            var value = loss.Value(c.Z, a, c.Targets);
            var delta = loss.OutputDelta(output, c.Z, a, c.Targets);
            return (double.IsFinite(value) && value >= 0 && delta.IsFinite())
                .Label($"{loss.Name} at z {c.Z}, t {c.Targets}: value {value}, delta {delta}");
        });

    [Property] public Property Bce_is_finite_for_logits_up_to_1000() =>
        Finite(Loss.BinaryCrossEntropy, Activation.Sigmoid, LossCases.Elementwise(LossCases.Extreme, LossCases.Binary));

    [Property] public Property Bce_with_logits_is_finite_for_logits_up_to_1000() =>
        Finite(Loss.BinaryCrossEntropyWithLogits, Activation.Identity, LossCases.Elementwise(LossCases.Extreme, LossCases.Soft));

    [Property] public Property Softmax_cross_entropy_is_finite_for_logits_up_to_1000() =>
        Finite(Loss.SoftmaxCrossEntropy, Activation.Softmax, LossCases.Classes(LossCases.Extreme));

    /// <summary>
    /// Naive: y = 1/(1+e^-z), L = -mean[t log y + (1-t) log(1-y)]. Its rounding error per element is about
    /// ε/(1-y) (the cancellation in 1-y) plus a few ε, which bounds the allowed difference.
    /// </summary>
    [Property]
    public Property Both_bce_forms_match_the_naive_formula_where_it_is_finite() =>
        Prop.ForAll(LossCases.Elementwise(PreActivations.Number(35), LossCases.Soft), c =>
        {
            double naive = 0, bound = 0;
            var z = c.Z.Span;
            var t = c.Targets.Span;
            for (var i = 0; i < z.Length; i++)
            {
                var y = 1.0 / (1.0 + Math.Exp(-z[i]));
                naive -= t[i] * Math.Log(y) + (1 - t[i]) * Math.Log(1 - y);
                bound += 8 * Epsilon * (1 + 1 / (1 - y));
            }
            naive /= z.Length;
            bound = bound / z.Length + 1e-12 * Math.Max(1, Math.Abs(naive));
            var bce = Loss.BinaryCrossEntropy.Value(c.Z, Activation.Sigmoid.Apply(c.Z), c.Targets);
            var logits = Loss.BinaryCrossEntropyWithLogits.Value(c.Z, c.Z, c.Targets);
            var textbook = new BinaryCrossEntropy().Value(Activation.Sigmoid.Apply(c.Z), c.Targets);
            return Prop.When(double.IsFinite(naive),
                () => Math.Abs(bce - naive) <= bound && Math.Abs(logits - naive) <= bound && bce == logits
                      && Math.Abs(textbook - naive) <= bound)
                .Label($"z {c.Z}, t {c.Targets}: naive {naive:R}, bce {bce:R}, bce_logits {logits:R}, on outputs {textbook:R}, bound {bound:E2}");
        });

    /// <summary>Naive: L = -(1/B) Σ_n Σ_j t_nj log(e^z_nj / Σ_k e^z_nk), with no shift by the maximum.</summary>
    [Property]
    public Property Softmax_cross_entropy_matches_the_naive_formula_where_it_is_finite() =>
        Prop.ForAll(LossCases.Classes(PreActivations.Number(300)), c =>
        {
            var naive = 0.0;
            for (var r = 0; r < c.Z.Rows; r++)
            {
                var sum = 0.0;
                foreach (var x in c.Z.Row(r)) sum += Math.Exp(x);
                for (var j = 0; j < c.Z.Columns; j++)
                    if (c.Targets[r, j] != 0) naive -= c.Targets[r, j] * Math.Log(Math.Exp(c.Z[r, j]) / sum);
            }
            naive /= c.Z.Rows;
            var value = Loss.SoftmaxCrossEntropy.Value(c.Z, Activation.Softmax.Apply(c.Z), c.Targets);
            return Prop.When(double.IsFinite(naive), () => Math.Abs(value - naive) <= 1e-12 * Math.Max(1, Math.Abs(naive)))
                .Label($"z {c.Z}, t {c.Targets}: naive {naive:R}, ours {value:R}");
        });

    /// <summary>The fused bce delta (y-t)/(B·K) equals the chain rule σ'(z)·dL/dy through the textbook gradient, where that is finite.</summary>
    [Property]
    public Property Fused_bce_delta_equals_the_chain_rule_where_finite() =>
        Prop.ForAll(LossCases.Elementwise(PreActivations.Number(30), LossCases.Soft), c =>
        {
            var bce = new BinaryCrossEntropy();
            var a = Activation.Sigmoid.Apply(c.Z);
            var fused = bce.OutputDelta(Activation.Sigmoid, c.Z, a, c.Targets);
            var chain = Activation.Sigmoid.Backward(c.Z, a, bce.Gradient(a, c.Targets));
            var ok = true;
            for (var i = 0; i < fused.Length; i++)
            {
                var (f, g) = (fused.Span[i], chain.Span[i]);
                if (double.IsFinite(g)) ok &= Math.Abs(f - g) <= 1e-12 * Math.Abs(g) + 1e-300;
            }
            return ok.Label($"z {c.Z}, t {c.Targets}: fused {fused}, chain rule {chain}");
        });
}
