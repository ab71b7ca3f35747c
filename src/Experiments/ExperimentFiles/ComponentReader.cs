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
    /// <summary>The component in <paramref name="value"/> with all its parameters, or every problem found in it.</summary>
    public static Validation<Error, NamedComponent> Read(JsonElement value, string path, ComponentKind kind)
    {
        var empty = ImmutableSortedDictionary<string, double>.Empty.WithComparers(StringComparer.Ordinal);
        var named = value.ValueKind == JsonValueKind.String
            ? Validated.Ok((Name: value.GetString()!, Given: empty))
            : JsonObjectReader.Open(value, path).Bind(reader =>
            {
                var name = reader.RequiredString("name");
                var given = reader.Object("parameters", ReadParameters, empty);
                return Validated.All(name.Ignore(), given.Ignore(), reader.Finish())
                    .Then(() => from n in name from g in given select (Name: n, Given: g));
            });
        return named.Bind(n => Complete(n.Name, n.Given, path, kind));
    }

    /// <summary>The catalog's component <paramref name="name"/> with the given parameters and the defaults of the rest, proven to build.</summary>
    private static Validation<Error, NamedComponent> Complete(string name, ImmutableSortedDictionary<string, double> given, string path, ComponentKind kind)
    {
        if (!kind.Names.Contains(name))
            return Validated.Problem<NamedComponent>($"{path}: unknown {kind.Noun} '{Storage.Echo.Clip(name)}'" +
                (KeySuggestion.Nearest(name, kind.Names) is { } near ? $"; did you mean '{near}'?" : "") + $" (known: {string.Join(", ", kind.Names)})");
        var defaults = Describe(kind.FromName(name).ThrowIfFail(), name, kind, path).ThrowIfFail();
        var takes = defaults.Parameters.Count == 0 ? "it takes none" : $"it takes {string.Join(", ", defaults.Parameters.Keys)}";
        var known = Validated.All([.. given.Keys.Where(k => !defaults.Parameters.ContainsKey(k)).Select(key =>
            Validated.Problem<Unit>($"{path}.parameters: {kind.Noun} '{name}' has no parameter '{key}'" +
                                    (KeySuggestion.Nearest(key, defaults.Parameters.Keys) is { } near ? $"; did you mean '{near}'?" : $"; {takes}")))]);
        return known.Then(() =>
        {
            var merged = new SortedDictionary<string, double>(defaults.Parameters.ToDictionary(), StringComparer.Ordinal);
            foreach (var (key, number) in given) merged[key] = number;
            var component = new NamedComponent(name, merged.ToImmutableSortedDictionary(StringComparer.Ordinal));
            return Validated.Of(Build<object>(component, kind, path)).Map(_ => component);
        });
    }

    /// <summary>The component <paramref name="stored"/> describes, built through its catalog.</summary>
    public static Fin<T> Build<T>(NamedComponent stored, ComponentKind kind, string path) where T : class =>
        ComponentCodec.Rebuild<object>(stored, kind.FromName, path).Map(o => (T)o);

    private static Fin<NamedComponent> Describe(object component, string name, ComponentKind kind, string path) =>
        ComponentCodec.Describe(component, name, kind.FromName, path);

    private static Validation<Error, ImmutableSortedDictionary<string, double>> ReadParameters(JsonObjectReader parameters)
    {
        var values = Validated.Each(parameters.Members().Select(member =>
            JsonObjectReader.AsNumber(member.Value, parameters.KeyPath(member.Key)).Map(number => (member.Key, Number: number))));
        return Validated.All(values.Ignore(), parameters.Finish())
            .Then(() => values.Map(all => all.ToImmutableSortedDictionary(m => m.Key, m => m.Number, StringComparer.Ordinal)));
    }
}
