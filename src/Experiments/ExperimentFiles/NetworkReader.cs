using System.Collections.Immutable;
using System.Text.Json;
using Functional.NN.Activations;
using Functional.NN.Experiments.Storage;
using Functional.NN.Losses;
using Functional.NN.Model;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Functional.NN.Experiments.ExperimentFiles;

/// <summary>
/// Reads the <c>network</c> object: <c>input_size</c> (a number, or absent / <c>"infer"</c> to take it from
/// the data) and <c>layers</c>, each <c>{"units": N, "activation": NAME or {"name", "parameters"}}</c>.
/// </summary>
internal static class NetworkReader
{
    /// <summary>The network in <paramref name="network"/>, or every problem found in it.</summary>
    public static Validation<Error, NetworkSpec> Read(JsonObjectReader network)
    {
        var inputSize = network.Raw("input_size") is { } size && !(size.ValueKind == JsonValueKind.String && size.GetString() == "infer")
            ? size.ValueKind == JsonValueKind.Number
                ? JsonObjectReader.AsInteger(size, network.KeyPath("input_size"), 1, int.MaxValue).Map(n => Some((int)n))
                : network.Problem<Option<int>>("input_size", $"expected a whole number or \"infer\", got {JsonObjectReader.Describe(size)}")
            : Option<int>.None;
        var layers = network.RequiredArray("layers").Bind(elements => elements.Count == 0
            ? network.Problem<ImmutableArray<LayerEntry>>("layers", "a network needs at least one layer, got []")
            : Validated.Each(elements.Select((element, i) => ReadLayer(element, $"{network.KeyPath("layers")}[{i}]"))));
        return Validated.All(inputSize.Ignore(), layers.Ignore(), network.Finish())
            .Then(() => from input in inputSize from all in layers select new NetworkSpec(input.ToNullable(), [.. all]));
    }

    /// <summary>The problems <c>Network.Create</c> finds in the layers and loss (softmax inside, a loss that cannot follow the output).</summary>
    public static Validation<Error, Unit> Check(NetworkSpec network, NamedComponent loss) =>
        Build(network with { InputSize = network.InputSize ?? 1 }, loss).Match(
            Succ: _ => Validated.Ok(unit),
            Fail: e => Validated.Problem<Unit>($"network: {e.Message}"));

    /// <summary>The Core network with <paramref name="network"/>'s (known) input size.</summary>
    public static Fin<Network> Build(NetworkSpec network, NamedComponent loss) =>
        from layers in FinSequence.Each(network.Layers.Length, i =>
            ComponentReader.Build<Activation>(network.Layers[i].Activation, ComponentKind.Activation, $"network.layers[{i}].activation")
                .Map(a => new LayerSpec(network.Layers[i].Units, a)))
        from objective in ComponentReader.Build<Loss>(loss, ComponentKind.Loss, "loss")
        from built in Network.Create(network.InputSize ?? throw new InvalidOperationException("the input size is not resolved"), layers, objective)
        select built;

    private static Validation<Error, LayerEntry> ReadLayer(JsonElement element, string path) =>
        JsonObjectReader.Open(element, path).Bind(layer =>
        {
            var units = layer.Required("units").Bind(u => JsonObjectReader.AsInteger(u, layer.KeyPath("units"), 1, int.MaxValue));
            var activation = layer.Required("activation").Bind(a => ComponentReader.Read(a, layer.KeyPath("activation"), ComponentKind.Activation));
            return Validated.All(units.Ignore(), activation.Ignore(), layer.Finish())
                .Then(() => from u in units from a in activation select new LayerEntry((int)u, a));
        });
}
