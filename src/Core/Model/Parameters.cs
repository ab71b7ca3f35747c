using System.Collections.Immutable;
using System.Numerics;
using Functional.NN.Tensors;
using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Model;

/// <summary>
/// The numbers of a network: per layer a weight matrix W <c>[out x in]</c> and a bias b <c>[1 x out]</c>.
/// Immutable; equal when the numbers are equal; <see cref="LayerTree{TSelf, T}.ContentHash"/> identifies
/// them in experiment records.
/// </summary>
/// <typeparam name="T">The element type, <see cref="double"/> or <see cref="float"/>.</typeparam>
public sealed class Parameters<T> : LayerTree<Parameters<T>, T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private Parameters(ImmutableArray<LayerTensors<T>> layers) : base(layers) { }

    private protected override Parameters<T> Create(ImmutableArray<LayerTensors<T>> layers) => new(layers);

    /// <summary>Parameters from per-layer weight rows and biases, checked against the network's shapes.</summary>
    public static Fin<Parameters<T>> Create(Network network, IEnumerable<(T[][] Weights, T[] Bias)> layers) =>
        Create(network, layers.Select(l =>
            Tensor<T>.FromRows(l.Weights).Map(w => new LayerTensors<T>(w, Tensor<T>.RowVector(l.Bias)))));

    /// <summary>Parameters from tensors, checked against the network's shapes.</summary>
    public static Fin<Parameters<T>> Create(Network network, IEnumerable<LayerTensors<T>> layers) =>
        Create(network, layers.Select(l => (Fin<LayerTensors<T>>)l));

    private static Fin<Parameters<T>> Create(Network network, IEnumerable<Fin<LayerTensors<T>>> layers)
    {
        var given = layers.ToList();
        return Checks.All([
                Checks.That(given.Count == network.Layers.Length,
                    $"the network has {network.Layers.Length} layers, got parameters for {given.Count}"),
                .. given.Take(network.Layers.Length).Select((layer, i) => LayerCheck(network, i, layer)),
            ])
            .Map(_ => new Parameters<T>(given.Select(g => g.ThrowIfFail()).ToImmutableArray()))
            .ToFin();
    }

    private static Validation<Error, Unit> LayerCheck(Network network, int i, Fin<LayerTensors<T>> given)
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
    public static Parameters<T> Zeros(Network network) => new(Enumerable.Range(0, network.Layers.Length)
        .Select(i => new LayerTensors<T>(Tensor<T>.Zeros(network.Layers[i].Units, network.InputsOf(i)), Tensor<T>.Zeros(1, network.Layers[i].Units)))
        .ToImmutableArray());

    /// <summary>Parameters built by a pure initializer that returns each layer's tensors in the right shapes.</summary>
    internal static Parameters<T> FromTrustedLayers(ImmutableArray<LayerTensors<T>> layers) => new(layers);

    /// <summary>The parameters plus an update of the same shape (as <c>optax.apply_updates</c>).</summary>
    public Parameters<T> Apply(Gradients<T> updates) =>
        Zip(updates, (p, u) =>
        {
            var result = GC.AllocateUninitializedArray<T>(p.Length);
            Optimizers.Elementwise.ElementwisePass.Apply(p.Span, u.Span, result, Optimizers.Elementwise.LaneLoop<T>.Widest);
            return Tensor<T>.Own(p.Rows, p.Columns, result);
        });

    /// <summary>The same parameters in the element type <typeparamref name="TOther"/>, each number rounded once to nearest.</summary>
    public Parameters<TOther> Convert<TOther>() where TOther : unmanaged, IFloatingPointIeee754<TOther> =>
        Parameters<TOther>.FromTrustedLayers([.. Layers.Select(l => new LayerTensors<TOther>(l.Weights.Convert<TOther>(), l.Bias.Convert<TOther>()))]);

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
