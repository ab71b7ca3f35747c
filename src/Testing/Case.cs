using System.Globalization;
using Functional.NN.Model;
using Functional.NN.Passes;
using Functional.NN.Tensors;

namespace Functional.NN.Testing;

/// <summary>
/// A generated (network, parameters, batch) triple. It is built deterministically from the network,
/// the batch size and a <see cref="NumberPool"/>, so that a shrink only has to change the network or
/// the batch size and the numbers follow. <see cref="ToString"/> prints every number, so a shrunk
/// counterexample can be read (and rebuilt) from a test failure.
/// </summary>
public sealed class Case
{
    private Case(Network network, int batchSize, NumberPool pool)
    {
        Network = network;
        BatchSize = batchSize;
        Pool = pool;
        Parameters = BuildParameters(network, pool);
        Batch = BuildBatch(network, batchSize, pool);
    }

    /// <summary>The architecture.</summary>
    public Network Network { get; }

    /// <summary>Number of examples in <see cref="Batch"/>.</summary>
    public int BatchSize { get; }

    /// <summary>The numbers the parameters and the batch are read from.</summary>
    public NumberPool Pool { get; }

    /// <summary>Xavier-scaled weights and biases in [-0.5, 0.5], read from the pool.</summary>
    public Parameters Parameters { get; }

    /// <summary>Inputs in [-2, 2] and targets shaped for the loss, read from the pool.</summary>
    public Batch Batch { get; }

    /// <summary>The case of <paramref name="network"/> with <paramref name="batchSize"/> examples, its numbers read from <paramref name="pool"/>.</summary>
    public static Case From(Network network, int batchSize, NumberPool pool) => new(network, batchSize, pool);

    /// <summary>The same numbers for another network or batch size.</summary>
    public Case With(Network? network = null, int? batchSize = null, NumberPool? pool = null) =>
        new(network ?? Network, batchSize ?? BatchSize, pool ?? Pool);

    /// <summary>
    /// The smallest |z| over every layer whose activation has a kink (infinity when there is none).
    /// Central differences with step h move a pre-activation by about h·|input|, far less than this.
    /// </summary>
    public double MinimumKinkDistance()
    {
        var trace = ForwardPass.Run(Network, Parameters, Batch.Inputs).Trace;
        var distance = double.PositiveInfinity;
        for (var l = 0; l < trace.Length; l++)
            if (CatalogRoles.IsKinked(Network.Layers[l].Activation))
                foreach (var z in trace[l].Z.Span) distance = Math.Min(distance, Math.Abs(z));
        return distance;
    }

    /// <summary>Xavier-uniform weights, W ~ U(-s, s) with s = √(6 / (fan_in + fan_out)), and biases in [-0.5, 0.5].</summary>
    private static Parameters BuildParameters(Network network, NumberPool pool) =>
        Parameters.Create(network, Enumerable.Range(0, network.Layers.Length).Select(l =>
        {
            var (units, inputs) = (network.Layers[l].Units, network.InputsOf(l));
            var scale = Math.Sqrt(6.0 / (units + inputs));
            return new LayerTensors(pool.Weights(l, units, inputs).Map(u => scale * u), pool.Bias(l, units).Map(u => 0.5 * u));
        })).ThrowIfFail();

    /// <summary>Inputs in [-2, 2]; targets shaped for the loss (see <see cref="CatalogRoles.TargetsFor"/>).</summary>
    private static Batch BuildBatch(Network network, int batchSize, NumberPool pool)
    {
        var inputs = pool.Inputs(batchSize, network.InputSize).Map(u => 2.0 * u);
        var material = pool.Targets(batchSize, network.OutputSize);
        var targets = CatalogRoles.TargetsFor(network.Loss, network.OutputActivation) switch
        {
            TargetKind.OneHot => Tensor.Build(batchSize, network.OutputSize,
                (r, c) => c == ClassOf(material[r, 0], network.OutputSize) ? 1.0 : 0.0),
            TargetKind.Binary => material.Map(u => u >= 0 ? 1.0 : 0.0),
            _ => material.Map(u => (u + 1.0) / 2.0),
        };
        return Batch.Create(network, inputs, targets).ThrowIfFail();
    }

    private static int ClassOf(double u, int classes) => Math.Min(classes - 1, (int)((u + 1.0) / 2.0 * classes));

    /// <summary>The network, every parameter, the inputs and the targets, one line each.</summary>
    public override string ToString()
    {
        var lines = new List<string> { $"network {Network}, batch of {BatchSize}" };
        for (var l = 0; l < Parameters.Count; l++)
            lines.Add($"layer {l + 1}: W = {Format(Parameters[l].Weights)}, b = {FormatRow(Parameters[l].Bias)}");
        lines.Add($"inputs = {Format(Batch.Inputs)}");
        lines.Add($"targets = {Format(Batch.Targets)}");
        return string.Join(Environment.NewLine, lines);
    }

    /// <summary>A tensor as nested rows with 6 significant digits: <c>[[0.1, -0.2], [0.3, 0.4]]</c>.</summary>
    public static string Format(Tensor t) => "[" + string.Join(", ", t.ToRows().Select(FormatNumbers)) + "]";

    /// <summary>A one-row tensor (a bias) as a flat list: <c>[0.1, -0.2]</c>.</summary>
    public static string FormatRow(Tensor row) => FormatNumbers(row.ToArray());

    private static string FormatNumbers(IEnumerable<double> numbers) =>
        "[" + string.Join(", ", numbers.Select(x => x.ToString("G6", CultureInfo.InvariantCulture))) + "]";
}
