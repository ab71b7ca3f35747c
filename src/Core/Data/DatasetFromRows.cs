using Functional.NN.Tensors;
using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Data;

public sealed partial record Dataset
{
    /// <summary>
    /// The examples at <paramref name="rows"/> of <paramref name="features"/> and <paramref name="targets"/>, in
    /// that order, with the features standardized by <paramref name="standardizer"/> when one is given: each
    /// chosen row is read and converted once, straight into the new dataset (<c>(x - μ)/s</c>, the same numbers as
    /// <see cref="Standardizer.Apply(Dataset)"/> of the unstandardized rows). An error naming every problem:
    /// no rows, a row out of range, targets with another number of rows, no feature or target columns, a
    /// standardizer fitted on another number of features, and the first number that is not finite (by its row
    /// in <paramref name="features"/> or <paramref name="targets"/>, and column; standardized numbers are checked too).
    /// </summary>
    public static Fin<Dataset> FromRows(FeatureRows features, Tensor targets, IReadOnlyList<int> rows, Standardizer? standardizer = null)
    {
        var problems = new List<string>();
        if (rows.Count < 1) problems.Add("a dataset needs at least one example, got no rows");
        if (features.Columns < 1) problems.Add("features: need at least one column, got 0");
        if (targets.Columns < 1) problems.Add("targets: need at least one column, got 0");
        if (targets.Rows != features.Rows) problems.Add($"targets: {targets.Rows} rows for {features.Rows} feature rows");
        if (standardizer is not null && standardizer.FeatureCount != features.Columns)
            problems.Add($"standardizer: fitted on {standardizer.FeatureCount} features, got {features.Columns}");
        var outside = Enumerable.Range(0, rows.Count).FirstOrDefault(i => rows[i] < 0 || rows[i] >= features.Rows, -1);
        if (outside >= 0) problems.Add($"rows: position {outside} is row {rows[outside]}, outside 0..{features.Rows - 1}");
        if (problems.Count > 0) return Error.New(string.Join("; ", problems));

        var x = new double[checked(rows.Count * features.Columns)];
        var firstNonFinite = Convert(features, rows, standardizer, x);
        var t = Gather(targets, rows);
        if (firstNonFinite is var (row, column, standardized))
            problems.Add($"features: row {row}, column {column} is not a finite number{(standardized ? " after standardization" : "")}");
        if (FirstNonFinite(t) is var (tr, tc)) problems.Add($"targets: row {rows[tr]}, column {tc} is not a finite number");
        return problems.Count == 0
            ? new Dataset(Tensor.Own(rows.Count, features.Columns, x), t)
            : Error.New(string.Join("; ", problems));
    }

    private static (int Row, int Column, bool Standardized)? Convert(FeatureRows features, IReadOnlyList<int> rows,
        Standardizer? standardizer, double[] into)
    {
        var columns = features.Columns;
        var mean = standardizer is null ? default : standardizer.Mean.Span;
        var scale = standardizer is null ? default : standardizer.Scale.Span;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = into.AsSpan(i * columns, columns);
            features.CopyRow(rows[i], row);
            for (var c = 0; c < columns; c++)
            {
                if (!double.IsFinite(row[c])) return (rows[i], c, false);
                if (standardizer is null) continue;
                row[c] = (row[c] - mean[c]) / scale[c];
                if (!double.IsFinite(row[c])) return (rows[i], c, true);
            }
        }
        return null;
    }
}
