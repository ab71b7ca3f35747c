using System.Globalization;
using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Experiments.DataSources;

/// <summary>The <c>key=value</c> settings after the main part of a data source's text.</summary>
internal sealed class SpecSettings
{
    /// <summary>Reads a number in invariant culture; the shape of <c>int.TryParse</c> and its kin.</summary>
    public delegate bool TryParse<T>(string text, NumberStyles style, IFormatProvider provider, out T value);

    private readonly IReadOnlyDictionary<string, string> _values;

    private SpecSettings(IReadOnlyDictionary<string, string> values) => _values = values;

    /// <summary>The settings in <paramref name="parts"/>, or an error for a part without '=', an empty key or a repeated key.</summary>
    public static Fin<SpecSettings> Parse(IEnumerable<string> parts)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in parts)
        {
            var equals = part.IndexOf('=');
            if (equals <= 0) return Error.New($"setting '{Storage.Echo.Clip(part)}' is not of the form key=value");
            var key = part[..equals];
            if (!values.TryAdd(key, part[(equals + 1)..])) return Error.New($"setting '{key}' is given twice");
        }
        return new SpecSettings(values);
    }

    /// <summary>Success when every key is one of <paramref name="known"/>; otherwise an error listing them.</summary>
    public Fin<Unit> OnlyKnown(string kind, params string[] known) =>
        _values.Keys.FirstOrDefault(key => !known.Contains(key)) is { } unknown
            ? Error.New(ExperimentFiles.Suggestions.Unknown("setting", unknown, known, $" for {kind}"))
            : Prelude.unit;

    /// <summary>The value of <paramref name="key"/>, or an error saying it is required and what it holds.</summary>
    public Fin<string> Required(string key, string meaning) =>
        _values.TryGetValue(key, out var value) && value.Length > 0
            ? Fin<string>.Succ(value)
            : Error.New($"{key}=... is required ({meaning})");

    /// <summary>The value of <paramref name="key"/>, or <paramref name="fallback"/> when it is absent.</summary>
    public string Text(string key, string fallback) => _values.TryGetValue(key, out var value) ? value : fallback;

    /// <summary>The number under <paramref name="key"/> (invariant culture), <paramref name="fallback"/> when absent, or an error when it is not <paramref name="expected"/>.</summary>
    public Fin<T> Number<T>(string key, T fallback, TryParse<T> tryParse, Func<T, bool> valid, string expected) where T : struct
    {
        if (!_values.TryGetValue(key, out var text)) return fallback;
        var style = typeof(T) == typeof(double) ? NumberStyles.Float : NumberStyles.None;
        return tryParse(text, style, CultureInfo.InvariantCulture, out var value) && valid(value)
            ? value
            : Error.New($"{key} must be {expected}, got '{Storage.Echo.Clip(text)}'");
    }
}
