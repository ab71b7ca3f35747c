using System.Collections.Immutable;
using Functional.NN.Activations;
using Functional.NN.Losses;
using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Model;

/// <summary>
/// A dense feed-forward network's architecture: input size, layers and loss. Hyper-parameters only;
/// the numbers live in <see cref="Parameters"/>. Built through <see cref="Create(int, IEnumerable{LayerSpec}, Loss)"/>, which returns an
/// error value naming every problem instead of throwing.
/// </summary>
public sealed record Network
{
    private Network(int inputSize, ImmutableArray<LayerSpec> layers, Loss loss)
    {
        InputSize = inputSize;
        Layers = layers;
        Loss = loss;
    }

    /// <summary>Number of input features.</summary>
    public int InputSize { get; }

    /// <summary>The layers from the first hidden layer to the output layer.</summary>
    public ImmutableArray<LayerSpec> Layers { get; }

    /// <summary>The training objective.</summary>
    public Loss Loss { get; }

    /// <summary>Number of outputs (units of the last layer).</summary>
    public int OutputSize => Layers[^1].Units;

    /// <summary>The activation of the output layer.</summary>
    public Activation OutputActivation => Layers[^1].Activation;

    /// <summary>Inputs of layer <paramref name="layer"/> (0-based): the input size or the previous layer's units.</summary>
    public int InputsOf(int layer) => layer == 0 ? InputSize : Layers[layer - 1].Units;

    /// <summary>Sizes from input to output, <c>[n0, n1, ..., nL]</c>, as PyTorch-style layer_sizes.</summary>
    public ImmutableArray<int> LayerSizes => [InputSize, .. Layers.Select(l => l.Units)];

    /// <summary>
    /// A validated network. Layers are numbered from 1 in messages, as in the tutorial
    /// (<c>layer 2: 0 units</c>).
    /// </summary>
    public static Fin<Network> Create(int inputSize, IEnumerable<LayerSpec> layers, Loss loss)
    {
        var specs = layers.ToImmutableArray();
        var problems = new List<string>();
        if (inputSize < 1) problems.Add($"input size must be at least 1, got {inputSize}");
        if (specs.IsEmpty) problems.Add("a network needs at least one layer, got none");
        for (var i = 0; i < specs.Length; i++)
        {
            if (specs[i] is null) { problems.Add($"layer {i + 1}: missing"); continue; }
            if (specs[i].Units < 1) problems.Add($"layer {i + 1}: {specs[i].Units} units, needs at least 1");
            if (specs[i].Activation is null) problems.Add($"layer {i + 1}: no activation");
            else if (specs[i].Activation is Softmax && i != specs.Length - 1)
                problems.Add($"layer {i + 1}: softmax is only allowed as the output layer");
        }
        if (loss is null) problems.Add("no loss given");
        else if (!specs.IsEmpty && specs[^1]?.Activation is { } output && loss.IncompatibilityWith(output) is { } why)
            problems.Add($"layer {specs.Length} (output): {why}");
        return problems.Count == 0
            ? new Network(inputSize, specs, loss!)
            : Error.New(string.Join("; ", problems));
    }

    /// <summary>Shorthand for <see cref="Create(int, IEnumerable{LayerSpec}, Loss)"/> with layers given as (units, activation) pairs.</summary>
    public static Fin<Network> Create(int inputSize, Loss loss, params (int Units, Activation Activation)[] layers) =>
        Create(inputSize, layers.Select(l => new LayerSpec(l.Units, l.Activation)), loss);

    /// <summary>A one-line description: <c>2-2-2 sigmoid,sigmoid half_sse</c>.</summary>
    public override string ToString() =>
        $"{string.Join("-", LayerSizes)} {string.Join(",", Layers.Select(l => l.Activation.Name))} {Loss.Name}";

    /// <summary>Equal when input size, layers and loss are equal.</summary>
    public bool Equals(Network? other) =>
        other is not null && InputSize == other.InputSize && Layers.SequenceEqual(other.Layers) && Loss.Equals(other.Loss);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(InputSize, Layers.Length, Loss);
}
