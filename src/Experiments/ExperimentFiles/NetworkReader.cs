using System.Collections.Immutable;
using System.Text.Json;
using Functional.NN.Activations;
using Functional.NN.Experiments.Storage;
using Functional.NN.Losses;
using Functional.NN.Model;

namespace Functional.NN.Experiments.ExperimentFiles;

/// <summary>
/// Reads the <c>network</c> object: <c>input_size</c> (a number, or absent / <c>"infer"</c> to take it from
/// the data) and <c>layers</c>, each <c>{"units": N, "activation": NAME or {"name", "parameters"}}</c>.
/// </summary>
internal static class NetworkReader
{
    /// <summary>The network in <paramref name="network"/>, or null with the problems recorded.</summary>
    public static NetworkSpec? Read(JsonObjectReader network, List<string> problems)
    {
        int? inputSize = null;
        if (network.Raw("input_size") is { } size && !(size.ValueKind == JsonValueKind.String && size.GetString() == "infer"))
            inputSize = size.ValueKind == JsonValueKind.Number
                ? (int)network.AsInteger(size, network.KeyPath("input_size"), 1, 1, int.MaxValue)
                : Wrong(network, size);
        var elements = network.Required("layers") is not null ? network.Array("layers") : null;
        network.Finish();
        if (elements is null) return null;
        if (elements.Count == 0)
        {
            network.Problem("layers", "a network needs at least one layer, got []");
            return null;
        }
        var layers = new List<LayerEntry?>();
        for (var i = 0; i < elements.Count; i++)
            layers.Add(ReadLayer(elements[i], $"{network.KeyPath("layers")}[{i}]", problems));
        return layers.Any(l => l is null) ? null : new NetworkSpec(inputSize, [.. layers!]);
    }

    /// <summary>Records the problems <c>Network.Create</c> finds in the layers and loss (softmax inside, a loss that cannot follow the output).</summary>
    public static void Check(NetworkSpec network, NamedComponent loss, List<string> problems)
    {
        var built = Build(network with { InputSize = network.InputSize ?? 1 }, loss);
        built.IfFail(e => problems.Add($"network: {e.Message}"));
    }

    /// <summary>The Core network with <paramref name="network"/>'s (known) input size.</summary>
    public static LanguageExt.Fin<Network> Build(NetworkSpec network, NamedComponent loss) =>
        from layers in FinSequence.Each(network.Layers.Length, i =>
            ComponentReader.Build<Activation>(network.Layers[i].Activation, ComponentKind.Activation, $"network.layers[{i}].activation")
                .Map(a => new LayerSpec(network.Layers[i].Units, a)))
        from objective in ComponentReader.Build<Loss>(loss, ComponentKind.Loss, "loss")
        from built in Network.Create(network.InputSize ?? throw new InvalidOperationException("the input size is not resolved"), layers, objective)
        select built;

    private static LayerEntry? ReadLayer(JsonElement element, string path, List<string> problems)
    {
        if (JsonObjectReader.Open(element, path, problems) is not { } layer) return null;
        var units = layer.Required("units") is { } u ? (int)layer.AsInteger(u, layer.KeyPath("units"), 0, 1, int.MaxValue) : 0;
        var activation = layer.Required("activation") is { } a ? ComponentReader.Read(a, layer.KeyPath("activation"), ComponentKind.Activation, problems) : null;
        layer.Finish();
        return units < 1 || activation is null ? null : new LayerEntry(units, activation);
    }

    private static int? Wrong(JsonObjectReader network, JsonElement size)
    {
        network.Problem("input_size", $"expected a whole number or \"infer\", got {JsonObjectReader.Describe(size)}");
        return null;
    }
}
