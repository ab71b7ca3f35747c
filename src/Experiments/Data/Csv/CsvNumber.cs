using System.Globalization;
using Functional.NN.Experiments.Storage;

namespace Functional.NN.Experiments.Data.Csv;

/// <summary>How a CSV field is read as a number.</summary>
internal static class CsvNumber
{
    /// <summary>
    /// The finite number spelled by <paramref name="text"/> in invariant culture (sign, decimal point,
    /// exponent and surrounding spaces allowed; no thousands separators), or null.
    /// </summary>
    public static double? TryRead(string text) =>
        !HasControl(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : null;

    /// <summary>Null when <paramref name="text"/> is a finite number; otherwise why it is not one.</summary>
    public static string? Problem(string text) =>
        string.IsNullOrWhiteSpace(text) ? "empty value, a number is required"
        : HasControl(text) ? $"'{Echo.Clip(text)}' is not a number (it holds a control character such as NUL)"
        : !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? $"'{Echo.Clip(text)}' is not a number"
        : !double.IsFinite(value) ? $"'{Echo.Clip(text)}' is not a finite number (NaN and infinities are not allowed)"
        : null;

    /// <summary>
    /// True when <paramref name="text"/> holds a control character other than the spaces and tabs around a number:
    /// <see cref="double.TryParse(string, NumberStyles, IFormatProvider, out double)"/> ignores trailing NULs, so
    /// <c>0.1\0</c> would otherwise read as 0.1.
    /// </summary>
    private static bool HasControl(string text) => text.AsSpan().ContainsAnyInRange('\0', '\u0008') || text.AsSpan().ContainsAnyInRange('\u000E', '\u001F') || text.Contains('\u007F');
}
