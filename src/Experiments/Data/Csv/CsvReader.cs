using System.Collections.Immutable;
using System.Text;

namespace Functional.NN.Experiments.Data.Csv;

/// <summary>
/// Splits CSV text into records by the basics of RFC 4180: fields separated by commas; records ended by
/// CRLF, LF or a lone CR; a field may be enclosed in double quotes, and then may hold commas, line breaks
/// and doubled quotes (<c>""</c> for one <c>"</c>). A final line break is optional. A quote inside an
/// unquoted field, text after a closing quote, or a quote that is never closed is a syntax error.
/// Knows nothing about headers or numbers.
/// </summary>
internal static class CsvReader
{
    /// <summary>The records of <paramref name="text"/>, stopping at the first syntax error.</summary>
    public static CsvReadResult Read(string text)
    {
        var records = ImmutableArray.CreateBuilder<CsvRecord>();
        var position = 0;
        var line = 1;
        while (position < text.Length)
        {
            var recordLine = line;
            var fields = ImmutableArray.CreateBuilder<string>();
            while (true)
            {
                var field = position < text.Length && text[position] == '"'
                    ? ReadQuoted(text, ref position, ref line)
                    : ReadUnquoted(text, ref position);
                if (field.Problem is { } problem)
                    return new CsvReadResult(records.ToImmutable(), new CsvSyntaxError(recordLine, fields.Count, problem));
                fields.Add(field.Value);
                if (position < text.Length && text[position] == ',')
                {
                    position++;
                    continue;
                }
                SkipLineBreak(text, ref position);
                line++;
                break;
            }
            records.Add(new CsvRecord(recordLine, fields.ToImmutable()));
        }
        return new CsvReadResult(records.ToImmutable(), null);
    }

    private readonly record struct Field(string Value, string? Problem);

    private static Field ReadUnquoted(string text, ref int position)
    {
        var start = position;
        while (position < text.Length && text[position] is not (',' or '\r' or '\n'))
        {
            if (text[position] == '"')
                return new Field("", "a double quote inside an unquoted field (enclose the whole field in quotes and double the quote)");
            position++;
        }
        return new Field(text[start..position], null);
    }

    private static Field ReadQuoted(string text, ref int position, ref int line)
    {
        var value = new StringBuilder();
        position++; // opening quote
        while (true)
        {
            if (position >= text.Length)
                return new Field("", "a quoted field is never closed (missing closing double quote)");
            var c = text[position];
            if (c == '"')
            {
                if (position + 1 < text.Length && text[position + 1] == '"')
                {
                    value.Append('"');
                    position += 2;
                    continue;
                }
                position++; // closing quote
                break;
            }
            if (c == '\n' || (c == '\r' && !(position + 1 < text.Length && text[position + 1] == '\n'))) line++;
            value.Append(c);
            position++;
        }
        if (position < text.Length && text[position] is not (',' or '\r' or '\n'))
            return new Field("", $"unexpected '{text[position]}' after the closing double quote of a quoted field");
        return new Field(value.ToString(), null);
    }

    private static void SkipLineBreak(string text, ref int position)
    {
        if (position < text.Length && text[position] == '\r') position++;
        if (position < text.Length && text[position] == '\n') position++;
    }
}
