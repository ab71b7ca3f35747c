using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Functional.NN.Activations;
using Functional.NN.Data;
using Functional.NN.Losses;
using Functional.NN.Model;
using Functional.NN.Tensors;
using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Experiments.Storage;

/// <summary>
/// The <c>__metadata__</c> of a Functional.NN safetensors file (docs/safetensors.md), every value a string:
/// <c>format</c> (<see cref="FormatTag"/>), <c>experiment</c>, <c>layer_sizes</c> (JSON list, input first),
/// <c>activations</c> (JSON list, one per layer: a name, or <c>{"name", "parameters"}</c> for a parameterised
/// one, as in experiment files), <c>loss</c> (a name, or such an object), and, for a model trained on
/// standardized inputs, <c>input_mean</c> and <c>input_std</c> (JSON lists of numbers in shortest round-trip
/// form: x' = (x - mean) / std per input). Reading checks whatever architecture keys are present against the
/// network and rebuilds the standardizer; files written elsewhere may have none of these keys.
/// </summary>
internal static class SafetensorsMetadata
{
    /// <summary>The value of the <c>format</c> key this build writes.</summary>
    public const string FormatTag = "functional.nn/1";

    /// <summary>The metadata of <paramref name="network"/> with <paramref name="standardizer"/>, or why a component cannot be named.</summary>
    public static Fin<ImmutableSortedDictionary<string, string>> Describe(Network network, Option<Standardizer> standardizer, string experiment) =>
        from activations in FinSequence.Each(network.Layers.Length, i =>
            ComponentCodec.Describe(network.Layers[i].Activation, network.Layers[i].Activation.Name, ActivationCatalog.FromName, $"layer {i + 1} activation"))
        from loss in ComponentCodec.Describe(network.Loss, network.Loss.Name, LossCatalog.FromName, "loss")
        select standardizer.Match(
            Some: s => Base(network, experiment, activations, loss).Add("input_mean", Numbers(s.Mean.Span)).Add("input_std", Numbers(s.Scale.Span)),
            None: () => Base(network, experiment, activations, loss));

    private static ImmutableSortedDictionary<string, string> Base(Network network, string experiment, ImmutableArray<NamedComponent> activations, NamedComponent loss) =>
        ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, string>
        {
            ["format"] = FormatTag,
            ["experiment"] = experiment,
            ["layer_sizes"] = "[" + string.Join(", ", network.LayerSizes) + "]",
            ["activations"] = "[" + string.Join(", ", activations.Select(Component)) + "]",
            ["loss"] = loss.Parameters.Count == 0 ? loss.Name : Component(loss),
        });

    /// <summary>
    /// Checks the architecture keys that are present (<c>layer_sizes</c>, <c>activations</c>, <c>loss</c>)
    /// against <paramref name="network"/>, naming each difference.
    /// </summary>
    public static Fin<Unit> CheckArchitecture(IReadOnlyDictionary<string, string> metadata, Network network) =>
        Validated.All(
                metadata.TryGetValue("layer_sizes", out var sizes) ? LayerSizesCheck(sizes, network) : Validated.Ok(Prelude.unit),
                metadata.TryGetValue("activations", out var activations) ? ActivationsCheck(activations, network) : Validated.Ok(Prelude.unit),
                metadata.TryGetValue("loss", out var loss) ? LossCheck(loss, network) : Validated.Ok(Prelude.unit))
            .ToFin(problems => $"__metadata__ does not match the experiment's network: {problems}");

    private static Validation<Error, Unit> LayerSizesCheck(string sizes, Network network)
    {
        var expected = string.Join(", ", network.LayerSizes);
        var given = Parse(sizes, e => e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out var n) ? n.ToString(CultureInfo.InvariantCulture) : null);
        return given is null
            ? Validated.Problem<Unit>($"layer_sizes '{sizes}' is not a JSON list of whole numbers")
            : Validated.Check(string.Join(", ", given) == expected, () => $"layer_sizes [{string.Join(", ", given)}], the network has [{expected}]");
    }

    private static Validation<Error, Unit> ActivationsCheck(string activations, Network network)
    {
        var given = Parse(activations, ComponentOf);
        return given is null
            ? Validated.Problem<Unit>($"activations '{activations}' is not a JSON list of names or {{\"name\", \"parameters\"}} objects")
            : Validated.Check(given.Count == network.Layers.Length && given.Select((c, i) => Same(c, network.Layers[i].Activation, ActivationCatalog.FromName)).All(same => same),
                () => $"activations [{string.Join(", ", given.Select(Text))}], the network has [{string.Join(", ", network.Layers.Select(l => l.Activation.Name))}]");
    }

    private static Validation<Error, Unit> LossCheck(string loss, Network network)
    {
        var given = loss.TrimStart().StartsWith('{') ? Parse("[" + loss + "]", ComponentOf)?.Single() : new NamedComponent(loss, new Dictionary<string, double>());
        return Validated.Check(given is not null && Same(given, network.Loss, LossCatalog.FromName),
            () => $"loss {(given is null ? loss : Text(given))}, the network has {network.Loss.Name}");
    }

    /// <summary>The input standardizer stored as <c>input_mean</c> and <c>input_std</c> (None when neither is present), checked against the network's inputs.</summary>
    public static Fin<Option<Standardizer>> Standardizer(IReadOnlyDictionary<string, string> metadata, Network network)
    {
        var hasMean = metadata.TryGetValue("input_mean", out var mean);
        var hasStd = metadata.TryGetValue("input_std", out var std);
        if (!hasMean && !hasStd) return Option<Standardizer>.None;
        if (!hasMean || !hasStd) return Error.New($"__metadata__ has {(hasMean ? "input_mean" : "input_std")} without {(hasMean ? "input_std" : "input_mean")}; give both or neither");
        var means = Parse(mean!, e => e.ValueKind == JsonValueKind.Number ? (double?)e.GetDouble() : null);
        var stds = Parse(std!, e => e.ValueKind == JsonValueKind.Number ? (double?)e.GetDouble() : null);
        if (means is null || stds is null) return Error.New($"__metadata__ {(means is null ? "input_mean" : "input_std")} is not a JSON list of numbers");
        if (means.Count != network.InputSize || stds.Count != network.InputSize)
            return Error.New($"__metadata__ input_mean has {means.Count} and input_std {stds.Count} numbers, the network takes {network.InputSize} inputs");
        return Functional.NN.Data.Standardizer.Create(Tensor.RowVector([.. means.Select(m => m!.Value)]), Tensor.RowVector([.. stds.Select(s => s!.Value)]))
            .Match(s => Fin<Option<Standardizer>>.Succ(Option<Standardizer>.Some(s)), e => Error.New($"__metadata__ input_mean/input_std: {e.Message}"));
    }

    private static string Numbers(ReadOnlySpan<double> values)
    {
        var text = new StringBuilder("[");
        for (var i = 0; i < values.Length; i++)
            text.Append(i == 0 ? "" : ", ").Append(values[i].ToString("R", CultureInfo.InvariantCulture));
        return text.Append(']').ToString();
    }

    private static string Component(NamedComponent component) =>
        component.Parameters.Count == 0
            ? JsonSerializer.Serialize(component.Name)
            : "{\"name\": " + JsonSerializer.Serialize(component.Name) + ", \"parameters\": {" +
              string.Join(", ", component.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal)
                  .Select(p => $"{JsonSerializer.Serialize(p.Key)}: {p.Value.ToString("R", CultureInfo.InvariantCulture)}")) + "}}";

    /// <summary>True when <paramref name="stored"/> (a name alone means the catalog's default parameters) builds a component equal to <paramref name="actual"/>.</summary>
    private static bool Same<T>(NamedComponent stored, T actual, Func<string, Fin<T>> fromName) where T : class =>
        (stored.Parameters.Count == 0 ? fromName(stored.Name) : ComponentCodec.Rebuild(stored, fromName, stored.Name))
            .Match(built => built.Equals(actual), _ => false);

    private static string Text(NamedComponent component) =>
        component.Parameters.Count == 0 ? component.Name : component.Name + component.ParametersText();

    private static NamedComponent? ComponentOf(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.String) return new NamedComponent(element.GetString()!, new Dictionary<string, double>());
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String) return null;
        var parameters = new SortedDictionary<string, double>(StringComparer.Ordinal);
        if (element.TryGetProperty("parameters", out var p))
        {
            if (p.ValueKind != JsonValueKind.Object) return null;
            foreach (var item in p.EnumerateObject())
            {
                if (item.Value.ValueKind != JsonValueKind.Number) return null;
                parameters[item.Name] = item.Value.GetDouble();
            }
        }
        return new NamedComponent(name.GetString()!, parameters);
    }

    private static List<T>? Parse<T>(string json, Func<JsonElement, T?> item)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Array) return null;
            var items = new List<T>();
            foreach (var element in document.RootElement.EnumerateArray())
            {
                if (item(element) is not { } value) return null;
                items.Add(value);
            }
            return items;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
