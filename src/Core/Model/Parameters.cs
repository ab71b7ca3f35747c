using System.Collections.Immutable;
using Functional.NN.Tensors;
using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Model;

/// <summary>
/// The numbers of a network: per layer a weight matrix W <c>[out x in]</c> and a bias b <c>[1 x out]</c>.
/// Immutable; equal when the numbers are equal; <see cref="LayerTree{TSelf}.ContentHash"/> identifies
/// them in experiment records.
/// </summary>
public sealed class Parameters : LayerTree<Parameters>
{
    private Parameters(ImmutableArray<LayerTensors> layers) : base(layers) { }

    private protected override Parameters Create(ImmutableArray<LayerTensors> layers) => new(layers);

    /// <summary>Parameters from per-layer weight rows and biases, checked against the network's shapes.</summary>
    public static Fin<Parameters> Create(Network network, IEnumerable<(double[][] Weights, double[] Bias)> layers) =>
        Create(network, layers.Select(l =>
            Tensor.FromRows(l.Weights).Map(w => new LayerTensors(w, Tensor.RowVector(l.Bias)))));

    /// <summary>Parameters from tensors, checked against the network's shapes.</summary>
    public static Fin<Parameters> Create(Network network, IEnumerable<LayerTensors> layers) =>
        Create(network, layers.Select(l => (Fin<LayerTensors>)l));

    private static Fin<Parameters> Create(Network network, IEnumerable<Fin<LayerTensors>> layers)
    {
        var given = layers.ToList();
        return Checks.All([
                Checks.That(given.Count == network.Layers.Length,
                    $"the network has {network.Layers.Length} layers, got parameters for {given.Count}"),
                .. given.Take(network.Layers.Length).Select((layer, i) => LayerCheck(network, i, layer)),
            ])
            .Map(_ => new Parameters(given.Select(g => g.ThrowIfFail()).ToImmutableArray()))
            .ToFin();
    }

    private static Validation<Error, Unit> LayerCheck(Network network, int i, Fin<LayerTensors> given)
    {
        var (rows, columns) = (network.Layers[i].Units, network.InputsOf(i));
        return given.Match(
            Succ: layer => Checks.All([
                Checks.That(layer.Weights.Rows == rows && layer.Weights.Columns == columns,
                    $"layer {i + 1}: W must be [{rows} x {columns}] (units x inputs), got {layer.Weights.ShapeText}"),
                Checks.That(layer.Bias.Rows == 1 && layer.Bias.Columns == rows, $"layer {i + 1}: b must have {rows} entries, got {layer.Bias.Length}"),
                Checks.That(layer.Weights.IsFinite() && layer.Bias.IsFinite(), $"layer {i + 1}: parameters contain NaN or infinity"),
            ]),
            Fail: e => Checks.That(false, $"layer {i + 1}: {e.Message}"));
    }

    /// <summary>All-zero parameters for <paramref name="network"/>.</summary>
    public static Parameters Zeros(Network network) => new(Enumerable.Range(0, network.Layers.Length)
        .Select(i => new LayerTensors(Tensor.Zeros(network.Layers[i].Units, network.InputsOf(i)), Tensor.Zeros(1, network.Layers[i].Units)))
        .ToImmutableArray());

    /// <summary>Parameters built by a pure initializer that returns each layer's tensors in the right shapes.</summary>
    internal static Parameters FromTrustedLayers(ImmutableArray<LayerTensors> layers) => new(layers);

    /// <summary>The parameters plus an update of the same shape (as <c>optax.apply_updates</c>).</summary>
    public Parameters Apply(Gradients updates) =>
        Zip(updates, (p, u) =>
        {
            var result = GC.AllocateUninitializedArray<double>(p.Length);
            Optimizers.Elementwise.ElementwisePass.Apply(p.Span, u.Span, result, Optimizers.Elementwise.LaneLoop.Widest);
            return Tensor.Own(p.Rows, p.Columns, result);
        });

    /// <summary>True when the shapes fit <paramref name="network"/>.</summary>
    public bool Fits(Network network) =>
        Count == network.Layers.Length &&
        Enumerable.Range(0, Count).All(i =>
            Layers[i].Weights.Rows == network.Layers[i].Units && Layers[i].Weights.Columns == network.InputsOf(i) &&
            Layers[i].Bias.Rows == 1 && Layers[i].Bias.Columns == network.Layers[i].Units);

    internal void RequireFits(Network network)
    {
        if (!Fits(network))
            throw new ArgumentException($"parameters {Describe()} do not fit network {network}");
    }
}
