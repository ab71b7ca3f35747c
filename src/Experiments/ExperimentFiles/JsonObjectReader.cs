using System.Globalization;
using System.Text.Json;
using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Experiments.ExperimentFiles;

/// <summary>
/// Reads one JSON object of an experiment file strictly. Every accessor returns a <see cref="Validation{FAIL, SUCCESS}"/>:
/// the value, the fallback when the key is absent (that is what a default is), or a problem naming the key path and the
/// value found (<c>optimizer.learning_rate: expected a number, got "fast"</c>); callers combine them applicatively so
/// that every problem of a file is reported (<see cref="Validated"/>). Every accessor registers its key as valid for
/// this object, present or not; <see cref="Finish"/> then reports each key that no accessor asked for, with the nearest
/// valid key as a suggestion, and each key the object repeats.
/// </summary>
internal sealed class JsonObjectReader
{
    private readonly Dictionary<string, JsonElement> _members = new(StringComparer.Ordinal);
    private readonly List<string> _known = [];
    private readonly List<string> _repeated = [];

    private JsonObjectReader(string path) => Path = path;

    /// <summary>Where this object is in the file (<c>optimizer</c>, <c>network.layers[1]</c>; empty for the root).</summary>
    public string Path { get; }

    /// <summary>A reader for <paramref name="element"/>, or the problem that it is not an object.</summary>
    public static Validation<Error, JsonObjectReader> Open(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
            return Validated.Problem<JsonObjectReader>($"{Prefix(path)}expected an object, got {Describe(element)}");
        var reader = new JsonObjectReader(path);
        foreach (var member in element.EnumerateObject())
            if (!reader._members.TryAdd(member.Name, member.Value))
                reader._repeated.Add(member.Name);
        return reader;
    }

    /// <summary>The path of <paramref name="key"/> inside this object.</summary>
    public string KeyPath(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    /// <summary>A problem about <paramref name="key"/> of this object.</summary>
    public Validation<Error, T> Problem<T>(string key, string message) => Validated.Problem<T>($"{KeyPath(key)}: {message}");

    /// <summary>A problem about this object as a whole.</summary>
    public Validation<Error, T> Problem<T>(string message) => Validated.Problem<T>($"{Prefix(Path)}{message}");

    /// <summary>The value of <paramref name="key"/>, or null when it is absent; the key becomes valid for this object.</summary>
    public JsonElement? Raw(string key)
    {
        if (!_known.Contains(key)) _known.Add(key);
        return _members.TryGetValue(key, out var value) ? value : null;
    }

    /// <summary>Every member of the object, in order (the keys all become valid: an object of free names such as <c>parameters</c>).</summary>
    public IReadOnlyList<(string Key, JsonElement Value)> Members() =>
        _members.Keys.Select(key => (key, Raw(key)!.Value)).ToList();

    /// <summary>A required key: its value, or a "missing" problem.</summary>
    public Validation<Error, JsonElement> Required(string key) =>
        Raw(key) is { } value ? value : Problem<JsonElement>($"missing required key '{key}'");

    /// <summary>A string value; the fallback when absent.</summary>
    public Validation<Error, string> String(string key, string fallback) => Raw(key) is { } value ? AsString(value, KeyPath(key)) : fallback;

    /// <summary>A string value, or None when absent.</summary>
    public Validation<Error, Option<string>> OptionalString(string key) =>
        Raw(key) is { } value ? AsString(value, KeyPath(key)).Map(Option<string>.Some) : Option<string>.None;

    /// <summary>A string that must be given.</summary>
    public Validation<Error, string> RequiredString(string key) => Required(key).Bind(value => AsString(value, KeyPath(key)));

    /// <summary>A string from <paramref name="choices"/>; any other text is a problem listing them.</summary>
    public Validation<Error, string> Choice(string key, string fallback, IReadOnlyList<string> choices) =>
        String(key, fallback).Bind(text => choices.Contains(text)
            ? Validated.Ok(text)
            : Problem<string>(key, $"expected one of {string.Join(", ", choices.Select(c => $"\"{c}\""))}, got \"{Storage.Echo.Clip(text)}\"" +
                                   (KeySuggestion.Nearest(text, choices) is { } near ? $"; did you mean \"{near}\"?" : "")));

    /// <summary>A finite number; <paramref name="check"/> returns why a value is impossible, or null.</summary>
    public Validation<Error, double> Number(string key, double fallback, Func<double, string?>? check = null) =>
        Raw(key) is { } value ? AsNumber(value, KeyPath(key), check) : fallback;

    /// <summary>A whole number in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public Validation<Error, long> Integer(string key, long fallback, long min, long max = long.MaxValue) =>
        Raw(key) is { } value ? AsInteger(value, KeyPath(key), min, max) : fallback;

    /// <summary>A whole number from 0 to 2^64 - 1 (seeds).</summary>
    public Validation<Error, ulong> Seed(string key, ulong fallback)
    {
        if (Raw(key) is not { } value) return fallback;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetUInt64(out var seed)) return seed;
        return Problem<ulong>(key, $"expected a whole number from 0 to {ulong.MaxValue}, got {Describe(value)}");
    }

    /// <summary>true or false.</summary>
    public Validation<Error, bool> Boolean(string key, bool fallback)
    {
        if (Raw(key) is not { } value) return fallback;
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False) return value.GetBoolean();
        return Problem<bool>(key, $"expected true or false, got {Describe(value)}");
    }

    /// <summary>What <paramref name="read"/> makes of the nested object at <paramref name="key"/>; the fallback when the key is absent.</summary>
    public Validation<Error, T> Object<T>(string key, Func<JsonObjectReader, Validation<Error, T>> read, T fallback) =>
        Raw(key) is { } value ? Open(value, KeyPath(key)).Bind(read) : fallback;

    /// <summary>What <paramref name="read"/> makes of the nested object at <paramref name="key"/>, which must be given.</summary>
    public Validation<Error, T> RequiredObject<T>(string key, Func<JsonObjectReader, Validation<Error, T>> read) =>
        Required(key).Bind(value => Open(value, KeyPath(key))).Bind(read);

    /// <summary>The elements of the array at <paramref name="key"/>, which must be given.</summary>
    public Validation<Error, IReadOnlyList<JsonElement>> RequiredArray(string key) =>
        Required(key).Bind(value => value.ValueKind == JsonValueKind.Array
            ? Validated.Ok<IReadOnlyList<JsonElement>>(value.EnumerateArray().ToList())
            : Problem<IReadOnlyList<JsonElement>>(key, $"expected an array, got {Describe(value)}"));

    /// <summary>A problem for every key the object repeats and every key that no accessor asked for; call it after the accessors.</summary>
    public Validation<Error, Unit> Finish() =>
        Validated.All([
            .. _repeated.Distinct().Select(key => Problem<Unit>($"the key '{key}' appears more than once")),
            .. _members.Keys.Where(k => !_known.Contains(k)).Select(key => Problem<Unit>(KeySuggestion.UnknownKeyMessage(key, _known))),
        ]);

    /// <summary>The string in <paramref name="value"/>, or a problem at <paramref name="path"/>.</summary>
    public static Validation<Error, string> AsString(JsonElement value, string path) =>
        value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : Validated.Problem<string>($"{path}: expected a string, got {Describe(value)}");

    /// <summary>The finite number in <paramref name="value"/>, checked, or a problem at <paramref name="path"/>.</summary>
    public static Validation<Error, double> AsNumber(JsonElement value, string path, Func<double, string?>? check = null)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || !double.IsFinite(number))
            return Validated.Problem<double>($"{path}: expected a number, got {Describe(value)}");
        return check?.Invoke(number) is { } why ? Validated.Problem<double>($"{path}: {why}, got {Text(number)}") : number;
    }

    /// <summary>The whole number in <paramref name="value"/> within bounds, or a problem at <paramref name="path"/>.</summary>
    public static Validation<Error, long> AsInteger(JsonElement value, string path, long min, long max)
    {
        long number;
        if (value.ValueKind != JsonValueKind.Number)
            return Validated.Problem<long>($"{path}: expected a whole number, got {Describe(value)}");
        if (!value.TryGetInt64(out number))
        {
            if (!value.TryGetDouble(out var d) || d != Math.Floor(d) || Math.Abs(d) > 9e15)
                return Validated.Problem<long>($"{path}: expected a whole number, got {Shorten(value.GetRawText())}");
            number = (long)d;
        }
        if (number < min || number > max)
            return Validated.Problem<long>(max == long.MaxValue || number < min && max >= int.MaxValue
                ? $"{path}: must be at least {min}, got {number}"
                : $"{path}: must be from {min} to {max}, got {number}");
        return number;
    }

    /// <summary>How messages show a JSON value: strings quoted, numbers as written, "an object", "an array", "null".</summary>
    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.Null => "null",
        JsonValueKind.String => Shorten(value.GetRawText()),
        _ => Shorten(value.GetRawText()),
    };

    /// <summary>A number as the shortest text that reads back as the same double.</summary>
    public static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "...";

    private static string Prefix(string path) => path.Length == 0 ? "" : path + ": ";
}
