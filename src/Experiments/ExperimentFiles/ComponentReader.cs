using System.Collections.Immutable;
using System.Text.Json;
using Functional.NN.Experiments.Storage;
using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Experiments.ExperimentFiles;

/// <summary>
/// Reads an activation, loss or initializer of an experiment file: either its catalog name
/// (<c>"relu"</c>) or an object with the name and some parameters
/// (<c>{"name": "leaky_relu", "parameters": {"slope": 0.1}}</c>). The result names every parameter, the
/// given ones and the defaults of the rest, and is proven to build (<see cref="Build{T}"/>).
/// </summary>
internal static class ComponentReader
{
    /// <summary>The component in <paramref name="value"/> with all its parameters, or null with the problems recorded.</summary>
    public static NamedComponent? Read(JsonElement value, string path, ComponentKind kind, List<string> problems)
    {
        string? name;
        var given = ImmutableSortedDictionary<string, double>.Empty.WithComparers(StringComparer.Ordinal);
        if (value.ValueKind == JsonValueKind.String)
            name = value.GetString();
        else if (JsonObjectReader.Open(value, path, problems) is { } reader)
        {
            name = reader.RequiredString("name");
            if (reader.Object("parameters") is { } parameters)
                given = ReadParameters(value.GetProperty("parameters"), parameters, problems);
            reader.Finish();
        }
        else return null;
        if (name is null) return null;

        if (!kind.Names.Contains(name))
        {
            var near = KeySuggestion.Nearest(name, kind.Names);
            problems.Add($"{path}: unknown {kind.Noun} '{Storage.Echo.Clip(name)}'" + (near is null ? "" : $"; did you mean '{near}'?") +
                         $" (known: {string.Join(", ", kind.Names)})");
            return null;
        }
        var defaults = Describe(kind.FromName(name).ThrowIfFail(), name, kind, path).ThrowIfFail();
        var unknown = given.Keys.Where(k => !defaults.Parameters.ContainsKey(k)).ToList();
        foreach (var key in unknown)
        {
            var takes = defaults.Parameters.Count == 0 ? "it takes none" : $"it takes {string.Join(", ", defaults.Parameters.Keys)}";
            problems.Add($"{path}.parameters: {kind.Noun} '{name}' has no parameter '{key}'" +
                         (KeySuggestion.Nearest(key, defaults.Parameters.Keys) is { } near ? $"; did you mean '{near}'?" : $"; {takes}"));
        }
        if (unknown.Count > 0) return null;

        var merged = new SortedDictionary<string, double>(defaults.Parameters.ToDictionary(), StringComparer.Ordinal);
        foreach (var (key, number) in given) merged[key] = number;
        var component = new NamedComponent(name, merged.ToImmutableSortedDictionary(StringComparer.Ordinal));
        return Build<object>(component, kind, path).Match<NamedComponent?>(
            Succ: _ => component,
            Fail: e => { problems.Add(e.Message); return null; });
    }

    /// <summary>The component <paramref name="stored"/> describes, built through its catalog.</summary>
    public static Fin<T> Build<T>(NamedComponent stored, ComponentKind kind, string path) where T : class =>
        ComponentCodec.Rebuild<object>(stored, kind.FromName, path).Map(o => (T)o);

    private static Fin<NamedComponent> Describe(object component, string name, ComponentKind kind, string path) =>
        ComponentCodec.Describe(component, name, kind.FromName, path);

    private static ImmutableSortedDictionary<string, double> ReadParameters(JsonElement element, JsonObjectReader reader, List<string> problems)
    {
        var values = ImmutableSortedDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        foreach (var member in element.EnumerateObject())
            values[member.Name] = reader.AsNumber(member.Value, reader.KeyPath(member.Name), 0.0);
        return values.ToImmutable();
    }
}
