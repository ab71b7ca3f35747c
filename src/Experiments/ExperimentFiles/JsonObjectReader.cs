using System.Globalization;
using System.Text.Json;

namespace Functional.NN.Experiments.ExperimentFiles;

/// <summary>
/// Reads one JSON object of an experiment file strictly, collecting problems instead of stopping at the
/// first. Every accessor registers its key as valid for this object, present or not; <see cref="Finish"/>
/// then reports each key that no accessor asked for, with the nearest valid key as a suggestion. A value of
/// the wrong type or out of range is a problem naming its key path (<c>optimizer.learning_rate: expected a
/// number, got "fast"</c>) and the accessor returns the fallback so reading can go on; an absent key gives
/// the fallback silently (that is what a default is).
/// </summary>
internal sealed class JsonObjectReader
{
    private readonly Dictionary<string, JsonElement> _members = new(StringComparer.Ordinal);
    private readonly List<string> _known = [];
    private readonly List<string> _problems;

    private JsonObjectReader(string path, List<string> problems)
    {
        Path = path;
        _problems = problems;
    }

    /// <summary>Where this object is in the file (<c>optimizer</c>, <c>network.layers[1]</c>; empty for the root).</summary>
    public string Path { get; }

    /// <summary>A reader for <paramref name="element"/>, or null (with a problem recorded) when it is not an object or repeats a key.</summary>
    public static JsonObjectReader? Open(JsonElement element, string path, List<string> problems)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{Prefix(path)}expected an object, got {Describe(element)}");
            return null;
        }
        var reader = new JsonObjectReader(path, problems);
        foreach (var member in element.EnumerateObject())
            if (!reader._members.TryAdd(member.Name, member.Value))
                problems.Add($"{Prefix(path)}the key '{member.Name}' appears more than once");
        return reader;
    }

    /// <summary>The path of <paramref name="key"/> inside this object.</summary>
    public string KeyPath(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    /// <summary>Records a problem about <paramref name="key"/> of this object.</summary>
    public void Problem(string key, string message) => _problems.Add($"{KeyPath(key)}: {message}");

    /// <summary>Records a problem about this object as a whole.</summary>
    public void Problem(string message) => _problems.Add($"{Prefix(Path)}{message}");

    /// <summary>The value of <paramref name="key"/>, or null when it is absent; the key becomes valid for this object.</summary>
    public JsonElement? Raw(string key)
    {
        if (!_known.Contains(key)) _known.Add(key);
        return _members.TryGetValue(key, out var value) ? value : null;
    }

    /// <summary>True when the file gives <paramref name="key"/> (the key becomes valid for this object).</summary>
    public bool Has(string key) => Raw(key) is not null;

    /// <summary>A required key: its value, or null with a "missing" problem.</summary>
    public JsonElement? Required(string key)
    {
        var value = Raw(key);
        if (value is null) Problem($"missing required key '{key}'");
        return value;
    }

    /// <summary>A string value; the fallback when absent or (with a problem) of another type.</summary>
    public string? String(string key, string? fallback) => Raw(key) is { } value ? AsString(value, KeyPath(key), fallback) : fallback;

    /// <summary>A string that must be given.</summary>
    public string? RequiredString(string key) => Required(key) is { } value ? AsString(value, KeyPath(key), null) : null;

    /// <summary>A string from <paramref name="choices"/>; any other text is a problem listing them.</summary>
    public string Choice(string key, string fallback, IReadOnlyList<string> choices)
    {
        var text = String(key, fallback) ?? fallback;
        if (choices.Contains(text)) return text;
        Problem(key, $"expected one of {string.Join(", ", choices.Select(c => $"\"{c}\""))}, got \"{Storage.Echo.Clip(text)}\"" +
                     (KeySuggestion.Nearest(text, choices) is { } near ? $"; did you mean \"{near}\"?" : ""));
        return fallback;
    }

    /// <summary>A finite number; <paramref name="check"/> returns why a value is impossible, or null.</summary>
    public double Number(string key, double fallback, Func<double, string?>? check = null) =>
        Raw(key) is { } value ? AsNumber(value, KeyPath(key), fallback, check) : fallback;

    /// <summary>A whole number in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public long Integer(string key, long fallback, long min, long max = long.MaxValue) =>
        Raw(key) is { } value ? AsInteger(value, KeyPath(key), fallback, min, max) : fallback;

    /// <summary>A whole number from 0 to 2^64 - 1 (seeds).</summary>
    public ulong Seed(string key, ulong fallback)
    {
        if (Raw(key) is not { } value) return fallback;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetUInt64(out var seed)) return seed;
        Problem(key, $"expected a whole number from 0 to {ulong.MaxValue}, got {Describe(value)}");
        return fallback;
    }

    /// <summary>true or false.</summary>
    public bool Boolean(string key, bool fallback)
    {
        if (Raw(key) is not { } value) return fallback;
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False) return value.GetBoolean();
        Problem(key, $"expected true or false, got {Describe(value)}");
        return fallback;
    }

    /// <summary>A nested object's reader, or null when the key is absent or (with a problem) not an object.</summary>
    public JsonObjectReader? Object(string key) => Raw(key) is { } value ? Open(value, KeyPath(key), _problems) : null;

    /// <summary>The elements of an array value, or null when absent or (with a problem) not an array.</summary>
    public IReadOnlyList<JsonElement>? Array(string key)
    {
        if (Raw(key) is not { } value) return null;
        if (value.ValueKind == JsonValueKind.Array) return value.EnumerateArray().ToList();
        Problem(key, $"expected an array, got {Describe(value)}");
        return null;
    }

    /// <summary>Records a problem for every key of the object that no accessor asked for.</summary>
    public void Finish()
    {
        foreach (var key in _members.Keys.Where(k => !_known.Contains(k)))
            _problems.Add(Prefix(Path) + KeySuggestion.UnknownKeyMessage(key, _known));
    }

    /// <summary>The string in <paramref name="value"/>, or the fallback with a problem.</summary>
    public string? AsString(JsonElement value, string path, string? fallback)
    {
        if (value.ValueKind == JsonValueKind.String) return value.GetString();
        _problems.Add($"{path}: expected a string, got {Describe(value)}");
        return fallback;
    }

    /// <summary>The finite number in <paramref name="value"/>, checked, or the fallback with a problem.</summary>
    public double AsNumber(JsonElement value, string path, double fallback, Func<double, string?>? check = null)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || !double.IsFinite(number))
        {
            _problems.Add($"{path}: expected a number, got {Describe(value)}");
            return fallback;
        }
        if (check?.Invoke(number) is { } why)
        {
            _problems.Add($"{path}: {why}, got {Text(number)}");
            return fallback;
        }
        return number;
    }

    /// <summary>The whole number in <paramref name="value"/> within bounds, or the fallback with a problem.</summary>
    public long AsInteger(JsonElement value, string path, long fallback, long min, long max)
    {
        long number;
        if (value.ValueKind != JsonValueKind.Number)
        {
            _problems.Add($"{path}: expected a whole number, got {Describe(value)}");
            return fallback;
        }
        if (!value.TryGetInt64(out number))
        {
            if (!value.TryGetDouble(out var d) || d != Math.Floor(d) || Math.Abs(d) > 9e15)
            {
                _problems.Add($"{path}: expected a whole number, got {Shorten(value.GetRawText())}");
                return fallback;
            }
            number = (long)d;
        }
        if (number < min || number > max)
        {
            _problems.Add(max == long.MaxValue || number < min && max >= int.MaxValue
                ? $"{path}: must be at least {min}, got {number}"
                : $"{path}: must be from {min} to {max}, got {number}");
            return fallback;
        }
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
