using System.Globalization;

namespace Functional.NN.Experiments.Data.Csv;

/// <summary>How a CSV field is read as a number.</summary>
internal static class CsvNumber
{
    /// <summary>
    /// The finite number spelled by <paramref name="text"/> in invariant culture (sign, decimal point,
    /// exponent and surrounding spaces allowed; no thousands separators), or null.
    /// </summary>
    public static double? TryRead(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : null;

    /// <summary>Null when <paramref name="text"/> is a finite number; otherwise why it is not one.</summary>
    public static string? Problem(string text) =>
        string.IsNullOrWhiteSpace(text) ? "empty value, a number is required"
        : !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? $"'{text}' is not a number"
        : !double.IsFinite(value) ? $"'{text}' is not a finite number (NaN and infinities are not allowed)"
        : null;
}
