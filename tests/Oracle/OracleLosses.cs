using static Functional.NN.Tests.Oracle.DoubleDoubleFunctions;

namespace Functional.NN.Tests.Oracle;

/// <summary>
/// Every loss written again for the oracle from the formulas of ../shared/goldens/README.md (B rows, K
/// outputs): its value, and dL/da (for losses on the outputs) or the fused dL/dz (cross-entropies).
/// </summary>
public static class OracleLosses
{
    /// <summary>True when the loss gives dL/dz directly (fused with its output activation).</summary>
    public static bool IsFused(string loss) => loss is "bce" or "bce_logits" or "softmax_ce";

    public static Tracked Value(string loss, Tracked[][] z, Tracked[][] a, double[][] targets)
    {
        var (rows, columns) = (a.Length, a[0].Length);
        var terms = new List<Tracked>();
        for (var n = 0; n < rows; n++)
        {
            if (loss == "softmax_ce") { terms.Add(SoftmaxCrossEntropyOfRow(z[n], targets[n])); continue; }
            for (var j = 0; j < columns; j++)
            {
                var t = Tracked.Exact(targets[n][j]);
                terms.Add(loss switch
                {
                    "half_sse" => Tracked.Exact(0.5) * (t - a[n][j]) * (t - a[n][j]),
                    "mse" => (t - a[n][j]) * (t - a[n][j]),
                    "bce" or "bce_logits" => CrossEntropyOfLogit(z[n][j], targets[n][j]),
                    _ => throw new ArgumentException($"the oracle has no loss '{loss}'"),
                });
            }
        }
        var sum = Tracked.Dot(terms, Enumerable.Repeat(Tracked.Exact(1.0), terms.Count).ToArray());
        var count = loss is "half_sse" or "softmax_ce" ? rows : rows * columns;
        return sum / Tracked.Exact(count);
    }

    /// <summary>dL/da of a loss on the outputs, or dL/dz of a fused one, element by element.</summary>
    public static Tracked[][] Gradient(string loss, Tracked[][] z, Tracked[][] a, double[][] targets)
    {
        var (rows, columns) = (a.Length, a[0].Length);
        return a.Select((row, n) => row.Select((y, j) =>
        {
            var t = Tracked.Exact(targets[n][j]);
            return loss switch
            {
                "half_sse" => (y - t) / Tracked.Exact(rows),
                "mse" => Tracked.Exact(2.0) * (y - t) / Tracked.Exact(rows * columns),
                "bce" => (y - t) / Tracked.Exact(rows * columns),
                "bce_logits" => (Sigmoid(z[n][j]) - t) / Tracked.Exact(rows * columns),
                "softmax_ce" => (y - t) / Tracked.Exact(rows),
                _ => throw new ArgumentException($"the oracle has no loss '{loss}'"),
            };
        }).ToArray()).ToArray();
    }

    /// <summary>ℓ(z, t) = -[t log σ(z) + (1-t) log(1-σ(z))] = max(z,0) - z·t + log1p(e^-|z|).</summary>
    private static Tracked CrossEntropyOfLogit(Tracked z, double t)
    {
        var positivePart = new Tracked(DoubleDouble.Max(z.Value, DoubleDouble.Zero), z.Error);
        var tail = Log1p(Exp(-DoubleDouble.Abs(z.Value)));
        var softTail = Tracked.Function(tail, Logistic(-DoubleDouble.Abs(z.Value)).ToDouble(), z, 4);
        return positivePart - z * Tracked.Exact(t) + softTail;
    }

    /// <summary>Σ_j t_j (logΣ_k e^(z_k) - z_j) for one row, from the logits.</summary>
    private static Tracked SoftmaxCrossEntropyOfRow(Tracked[] z, double[] t)
    {
        var top = z.Select(x => x.Value).Aggregate(DoubleDouble.Max);
        var worst = z.Max(x => x.Error);
        var sum = DoubleDouble.Zero;
        var magnitude = 0.0;
        foreach (var x in z)
        {
            var e = Exp(x.Value - top);
            sum += e;
            magnitude += e.ToDouble() * (x.Error + worst);
        }
        // log Σ e^(z_k - top) (≥ 0): its error is the sensitivity Σ softmax_k·e(z_k - top), plus the roundings.
        var logSum = Log(sum);
        var logSumTracked = new Tracked(logSum, magnitude / sum.ToDouble() + 4 * Tracked.U * (Math.Abs(logSum.ToDouble()) + 1) + Tracked.Eta);
        var total = Tracked.Exact(0.0);
        var shift = new Tracked(top, worst);
        for (var j = 0; j < z.Length; j++)
            if (t[j] != 0) total += Tracked.Exact(t[j]) * ((shift - z[j]) + logSumTracked);
        return total;
    }

    private static Tracked Sigmoid(Tracked z)
    {
        var s = Logistic(z.Value);
        return Tracked.Function(s, s.ToDouble() * (1 - s.ToDouble()), z, 4);
    }
}
