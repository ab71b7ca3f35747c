namespace Functional.NN.App.Bench;

/// <summary>Small helpers for repeat figures.</summary>
internal static class Stats
{
    /// <summary>The median (mean of the two middle values for an even count).</summary>
    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>Rounded to <paramref name="digits"/> significant digits, for readable JSON.</summary>
    public static double Round(double value, int digits = 4)
    {
        if (value == 0 || !double.IsFinite(value)) return value;
        var scale = Math.Pow(10, digits - 1 - (int)Math.Floor(Math.Log10(Math.Abs(value))));
        return Math.Round(value * scale) / scale;
    }

    /// <summary>Serialises one result line.</summary>
    public static string Json(Dictionary<string, object?> fields) =>
        System.Text.Json.JsonSerializer.Serialize(fields);
}
