namespace Functional.NN.Tests.Oracle;

/// <summary>One dense layer of the oracle: W <c>[units x inputs]</c> as rows, b, and its activation ("softmax" or element-wise).</summary>
public sealed record OracleLayer(double[][] Weights, double[] Bias, OracleActivation Activation)
{
    public int Units => Bias.Length;
}

/// <summary>The loss and every dL/dW, dL/db of the oracle, each with the error bound of a float64 evaluation.</summary>
public sealed record OracleGradient(Tracked Loss, Tracked[][][] Weights, Tracked[][] Bias);

/// <summary>
/// Forward and backward pass of a dense network written from the equations alone (z = W a + b, a = f(z);
/// δ_L = dL/dz, dW = δᵀ a_below, db = Σ_rows δ, δ_below = (δ W) ⊙ f'(z_below)), in double-double through
/// <see cref="Tracked"/>, without any code of <c>src/Core</c>.
/// </summary>
public static class OracleNetwork
{
    public static OracleGradient ValueAndGradient(IReadOnlyList<OracleLayer> layers, string loss, double[][] inputs, double[][] targets)
    {
        var activations = new List<Tracked[][]> { inputs.Select(row => row.Select(Tracked.Exact).ToArray()).ToArray() };
        var preActivations = new List<Tracked[][]>();
        foreach (var layer in layers)
        {
            var below = activations[^1];
            var z = below.Select(row => Enumerable.Range(0, layer.Units)
                .Select(i => Tracked.Dot(layer.Weights[i].Select(Tracked.Exact).ToArray(), row, Tracked.Exact(layer.Bias[i])))
                .ToArray()).ToArray();
            preActivations.Add(z);
            activations.Add(layer.Activation.Name == "softmax"
                ? z.Select(OracleActivation.Softmax).ToArray()
                : z.Select(row => row.Select(layer.Activation.Value).ToArray()).ToArray());
        }

        var last = layers.Count - 1;
        var (zL, aL) = (preActivations[last], activations[last + 1]);
        var value = OracleLosses.Value(loss, zL, aL, targets);
        var delta = OracleLosses.Gradient(loss, zL, aL, targets);
        if (!OracleLosses.IsFused(loss)) delta = ThroughActivation(layers[last].Activation, zL, aL, delta);

        var weightGradients = new Tracked[layers.Count][][];
        var biasGradients = new Tracked[layers.Count][];
        for (var l = last; l >= 0; l--)
        {
            var below = activations[l];
            var layer = layers[l];
            var inputs_ = below[0].Length;
            weightGradients[l] = Enumerable.Range(0, layer.Units).Select(i => Enumerable.Range(0, inputs_)
                .Select(k => Tracked.Dot(Column(delta, i), Column(below, k))).ToArray()).ToArray();
            biasGradients[l] = Enumerable.Range(0, layer.Units)
                .Select(i => Tracked.Dot(Column(delta, i), Ones(delta.Length))).ToArray();
            if (l == 0) break;
            var upstream = delta.Select(row => Enumerable.Range(0, inputs_)
                .Select(k => Tracked.Dot(row, layer.Weights.Select(w => Tracked.Exact(w[k])).ToArray())).ToArray()).ToArray();
            delta = ThroughActivation(layers[l - 1].Activation, preActivations[l - 1], activations[l], upstream);
        }
        return new OracleGradient(value, weightGradients, biasGradients);
    }

    private static Tracked[][] ThroughActivation(OracleActivation activation, Tracked[][] z, Tracked[][] a, Tracked[][] upstream) =>
        activation.Name == "softmax"
            ? a.Select((row, n) => OracleActivation.SoftmaxBackward(row, upstream[n])).ToArray()
            : upstream.Select((row, n) => row.Select((g, j) => g * activation.Derivative(z[n][j], a[n][j])).ToArray()).ToArray();

    private static Tracked[] Column(Tracked[][] rows, int column) => rows.Select(r => r[column]).ToArray();

    private static Tracked[] Ones(int count) => Enumerable.Repeat(Tracked.Exact(1.0), count).ToArray();
}
