using System.Text.Json;
using Functional.NN.Model;
using Functional.NN.Tensors;
using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Interchange;

/// <summary>
/// Parameters in the plain JSON layout of the reference cases (../shared/goldens/README.md): a list with
/// one object per layer, <c>{"W": [[...], ...], "b": [...]}</c>, W as rows <c>[units][inputs]</c>. Parsing is
/// pure (from a string) and checks the numbers against the network: every problem is named in one error,
/// with the layer (numbered from 1), the field, and the expected and actual shapes.
/// </summary>
public static class PlainJsonParameters
{
    /// <summary>The parameters in <paramref name="json"/> (a list of layers, or an object with a <c>params</c> list), checked against <paramref name="network"/>.</summary>
    public static Fin<Parameters> Parse(Network network, string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object && root.TryGetProperty("params", out var layers)
                ? FromElement(network, layers)
                : FromElement(network, root);
        }
        catch (JsonException e)
        {
            return Error.New($"parameters: not valid JSON: {e.Message}");
        }
    }

    /// <summary>The parameters in a JSON list of <c>{W, b}</c> objects, checked against <paramref name="network"/>.</summary>
    public static Fin<Parameters> FromElement(Network network, JsonElement layers)
    {
        if (layers.ValueKind != JsonValueKind.Array)
            return Error.New($"parameters: expected a list of {network.Layers.Length} layers {{\"W\": rows, \"b\": list}}, got {Describe(layers)}");
        var given = layers.GetArrayLength();
        var count = Checks.That(given == network.Layers.Length, () => $"the network {network} has {network.Layers.Length} layers, the JSON has {given}");
        var tensors = Checks.Each(layers.EnumerateArray().Select((layer, i) =>
        {
            var where = $"layer {i + 1}";
            var weights = Checks.Of(Field(layer, "W", where).Bind(w => Rows(w, $"{where} W")));
            var bias = Checks.Of(Field(layer, "b", where).Bind(b => Numbers(b, $"{where} b")).Map(b => Tensor.RowVector(b)));
            return (weights, bias).Apply((w, b) => new LayerTensors(w, b));
        }));
        return (count, tensors).Apply((_, all) => all)
            .ToFin("parameters: ")
            .Bind(tensors => Parameters.Create(network, tensors).Match(
                Succ: Fin<Parameters>.Succ, Fail: e => Fin<Parameters>.Fail(Error.New($"parameters: {e.Message}"))));
    }

    private static Fin<JsonElement> Field(JsonElement layer, string name, string where) =>
        layer.ValueKind != JsonValueKind.Object ? Error.New($"{where}: expected an object {{\"W\", \"b\"}}, got {Describe(layer)}")
        : layer.TryGetProperty(name, out var value) ? value
        : Error.New($"{where}: missing \"{name}\"");

    private static Fin<Tensor> Rows(JsonElement element, string where)
    {
        if (element.ValueKind != JsonValueKind.Array) return Error.New($"{where}: expected a list of rows, got {Describe(element)}");
        var rows = new List<double[]>();
        var r = 0;
        foreach (var row in element.EnumerateArray())
        {
            var numbers = Numbers(row, $"{where} row {r}");
            if (numbers.IsFail) return numbers.Map(_ => Tensor.Zeros(0, 0));
            var values = numbers.ThrowIfFail();
            if (rows.Count > 0 && values.Length != rows[0].Length)
                return Error.New($"{where}: row {r} has {values.Length} numbers, row 0 has {rows[0].Length}");
            rows.Add(values);
            r++;
        }
        return Tensor.FromRows(rows);
    }

    private static Fin<double[]> Numbers(JsonElement element, string where)
    {
        if (element.ValueKind != JsonValueKind.Array) return Error.New($"{where}: expected a list of numbers, got {Describe(element)}");
        var values = new List<double>();
        foreach (var item in element.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetDouble(out var value) || !double.IsFinite(value))
                return Error.New($"{where}[{values.Count}]: expected a finite number, got {Describe(item)}");
            values.Add(value);
        }
        return values.ToArray();
    }

    /// <summary>A short description of a JSON value for messages: its kind, and its text when short.</summary>
    internal static string Describe(JsonElement element)
    {
        var text = element.GetRawText();
        return $"{element.ValueKind.ToString().ToLowerInvariant()} {(text.Length <= 40 ? text : text[..37] + "...")}";
    }
}
