namespace Functional.NN.App.Output;

/// <summary>
/// Plain-text report output: titles, headings, aligned label/value rows and tables. It writes no
/// terminal escape codes, so the text reads the same on a terminal, in a pipe and in a file.
/// </summary>
internal sealed class ReportWriter(TextWriter output)
{
    private const string Indent = "  ";

    /// <summary>The report's title, underlined with '='.</summary>
    public void Title(string text)
    {
        output.WriteLine(text);
        output.WriteLine(new string('=', text.Length));
    }

    /// <summary>A section heading after a blank line, underlined with '-'.</summary>
    public void Heading(string text)
    {
        output.WriteLine();
        output.WriteLine(text);
        output.WriteLine(new string('-', text.Length));
    }

    /// <summary>One line of text (a blank line when empty).</summary>
    public void Line(string text = "") => output.WriteLine(text);

    /// <summary>A paragraph line introducing the rows or table that follow, after a blank line.</summary>
    public void Paragraph(string text)
    {
        output.WriteLine();
        output.WriteLine(text);
    }

    /// <summary>
    /// Indented <c>label = value</c> rows with the '=' signs aligned; an optional note follows the value,
    /// notes aligned among the rows that have one.
    /// </summary>
    public void Rows(IEnumerable<(string Label, string Value, string Note)> rows)
    {
        var list = rows.ToList();
        var labelWidth = list.Max(r => r.Label.Length);
        var valueWidth = list.Where(r => r.Note.Length > 0).Select(r => r.Value.Length).DefaultIfEmpty(0).Max();
        foreach (var (label, value, note) in list)
        {
            var line = $"{Indent}{label.PadRight(labelWidth)} = {value.PadRight(valueWidth)}";
            output.WriteLine(note.Length == 0 ? line.TrimEnd() : $"{line}   {note}");
        }
    }

    /// <summary>Indented <c>label = value</c> rows without notes.</summary>
    public void Rows(IEnumerable<(string Label, string Value)> rows) => Rows(rows.Select(r => (r.Label, r.Value, "")));

    /// <summary>An indented table: a header row, then one row per entry, columns left-aligned.</summary>
    public void Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var all = new List<IReadOnlyList<string>> { header };
        all.AddRange(rows);
        var widths = Enumerable.Range(0, header.Count).Select(c => all.Max(r => r[c].Length)).ToArray();
        foreach (var row in all)
            output.WriteLine((Indent + string.Join("   ", row.Select((cell, c) => cell.PadRight(widths[c])))).TrimEnd());
    }
}
