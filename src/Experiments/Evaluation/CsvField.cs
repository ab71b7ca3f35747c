namespace Functional.NN.Experiments.Evaluation;

/// <summary>One field of a CSV line as RFC 4180 writes it, the form <c>Data/Csv</c> reads back.</summary>
internal static class CsvField
{
    /// <summary>
    /// <paramref name="text"/> unchanged, or in double quotes with inner quotes doubled when it holds a comma,
    /// a quote, a line break, or leading or trailing spaces.
    /// </summary>
    public static string Quote(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") >= 0 || text != text.Trim()
            ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
            : text;

    /// <summary>The fields joined into one line (without the line break).</summary>
    public static string Line(IEnumerable<string> fields) => string.Join(',', fields.Select(Quote));
}
