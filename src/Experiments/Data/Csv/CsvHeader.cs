using System.Collections.Immutable;
using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Experiments.Data.Csv;

/// <summary>The header row of a CSV file: checks it and finds the schema's columns in it.</summary>
internal static class CsvHeader
{
    /// <summary>Positions (0-based) of the feature columns, in schema order, and of the label column.</summary>
    /// <param name="Features">Index of each feature column.</param>
    /// <param name="Label">Index of the label column.</param>
    internal sealed record Indices(ImmutableArray<int> Features, int Label);

    /// <summary>
    /// The schema's column positions, or an error naming every problem: an empty or repeated header
    /// name, no feature columns, a column the header lacks, a column chosen twice, or the label column
    /// also chosen as a feature.
    /// </summary>
    public static Fin<Indices> Resolve(string file, ImmutableArray<string> header, CsvSchema schema)
    {
        var chosen = schema.FeatureColumns.IsDefault ? [] : schema.FeatureColumns;
        return Validated.All([
                .. Enumerable.Range(0, header.Length).Select(i => ColumnCheck(header, i)),
                Validated.Check(!schema.FeatureColumns.IsDefaultOrEmpty, () => "no feature columns chosen"),
                .. chosen.GroupBy(c => c, StringComparer.Ordinal).Where(g => g.Count() > 1)
                    .Select(duplicate => Validated.Problem<Unit>($"feature column '{duplicate.Key}' chosen {duplicate.Count()} times")),
                Validated.Check(!chosen.Contains(schema.LabelColumn), () => $"label column '{schema.LabelColumn}' is also chosen as a feature"),
                .. chosen.Append(schema.LabelColumn).Distinct(StringComparer.Ordinal).Where(n => !header.Contains(n)).Select(name => Validated.Problem<Unit>(
                    $"no column named '{Storage.Echo.Clip(name, 60)}' (columns: {string.Join(", ", header.Take(30).Select(h => $"'{Storage.Echo.Clip(h, 60)}'"))}" +
                    (header.Length > 30 ? $", and {header.Length - 30} more)" : ")"))),
            ])
            .Map(_ => new Indices([.. chosen.Select(c => header.IndexOf(c))], header.IndexOf(schema.LabelColumn)))
            .ToFin(problems => $"{file}, line 1 (header): {problems}");
    }

    /// <summary>Header column <paramref name="i"/> has a name, and no earlier column has the same.</summary>
    private static Validation<Error, Unit> ColumnCheck(ImmutableArray<string> header, int i) =>
        string.IsNullOrWhiteSpace(header[i])
            ? Validated.Problem<Unit>($"column {i + 1}: empty column name")
            : Validated.Check(header.IndexOf(header[i]) == i, () => $"column {i + 1}: name '{Storage.Echo.Clip(header[i], 60)}' repeats column {header.IndexOf(header[i]) + 1}");

    /// <summary>Column <paramref name="index"/> (0-based) for messages: <c>'age' (3)</c>, or <c>7 (beyond the header's 6 columns)</c>.</summary>
    public static string Describe(ImmutableArray<string> header, int index) =>
        index < header.Length ? $"'{Storage.Echo.Clip(header[index], 60)}' ({index + 1})" : $"{index + 1} (beyond the header's {header.Length} columns)";
}
