using System.Text.Json;
using Functional.NN.Activations;
using Functional.NN.Losses;
using Functional.NN.Model;
using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Interchange;

/// <summary>
/// A whole model in the plain JSON layout of the reference cases: <c>layer_sizes</c> [n0, ..., nL],
/// <c>activations</c> (L names from <see cref="ActivationCatalog"/>), <c>loss</c> (a name from
/// <see cref="LossCatalog"/>; <c>mse</c> when absent) and <c>params</c> (see <see cref="PlainJsonParameters"/>).
/// A reference file, <c>{"cases": [...]}</c>, holds many such models: one is chosen by its <c>name</c>.
/// Pure: parses a string; every error names the field or layer and the expected and actual values.
/// </summary>
public static class PlainJsonModel
{
    /// <summary>The network and parameters in <paramref name="json"/>; <paramref name="caseName"/> picks one case of a reference file.</summary>
    public static Fin<(Network Network, Parameters Parameters)> Parse(string json, string? caseName = null)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return Select(document.RootElement, caseName).Bind(FromElement);
        }
        catch (JsonException e)
        {
            return Error.New($"model: not valid JSON: {e.Message}");
        }
    }

    private static Fin<JsonElement> Select(JsonElement root, string? caseName)
    {
        if (root.ValueKind != JsonValueKind.Object) return Error.New($"model: expected a JSON object, got {PlainJsonParameters.Describe(root)}");
        if (!root.TryGetProperty("cases", out var cases) || cases.ValueKind != JsonValueKind.Array)
            return caseName is null ? root : Error.New($"model: --case '{caseName}' given, but the JSON has no \"cases\" list");
        var named = cases.EnumerateArray()
            .Select(c => (Name: c.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null, Case: c))
            .ToList();
        var names = string.Join(", ", named.Select(c => c.Name));
        return caseName is null
            ? Error.New($"model: the JSON holds {named.Count} cases; choose one by name: {names}")
            : named.FirstOrDefault(c => c.Name == caseName) is { Name: not null } found
                ? found.Case
                : Error.New($"model: no case named '{caseName}'; the cases are: {names}");
    }

    private static Fin<(Network, Parameters)> FromElement(JsonElement model) =>
        from sizes in Integers(model, "layer_sizes")
        from names in Strings(model, "activations")
        from loss in model.TryGetProperty("loss", out var l) && l.ValueKind == JsonValueKind.String
            ? LossCatalog.FromName(l.GetString()!)
            : Fin<Loss>.Succ(Loss.MeanSquaredError)
        from activations in names.Select(ActivationCatalog.FromName).ToSeq().Sequence()
        from _ in sizes.Length == names.Length + 1
            ? Fin<Unit>.Succ(Prelude.unit)
            : Error.New($"model: {sizes.Length} layer_sizes need {sizes.Length - 1} activations, got {names.Length}")
        from network in Network.Create(sizes[0], activations.Select((a, i) => new LayerSpec(sizes[i + 1], a)), loss)
        from parameters in model.TryGetProperty("params", out var p)
            ? PlainJsonParameters.FromElement(network, p)
            : Error.New("model: missing \"params\"")
        select (network, parameters);

    private static Fin<int[]> Integers(JsonElement model, string field) =>
        model.TryGetProperty(field, out var list) && list.ValueKind == JsonValueKind.Array &&
        list.EnumerateArray().All(x => x.ValueKind == JsonValueKind.Number && x.TryGetInt32(out _)) && list.GetArrayLength() >= 2
            ? list.EnumerateArray().Select(x => x.GetInt32()).ToArray()
            : Error.New($"model: \"{field}\" must be a list of at least two whole numbers");

    private static Fin<string[]> Strings(JsonElement model, string field) =>
        model.TryGetProperty(field, out var list) && list.ValueKind == JsonValueKind.Array &&
        list.EnumerateArray().All(x => x.ValueKind == JsonValueKind.String)
            ? list.EnumerateArray().Select(x => x.GetString()!).ToArray()
            : Error.New($"model: \"{field}\" must be a list of names");
}
