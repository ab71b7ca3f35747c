using Functional.NN.Tensors;
using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Data;

public sealed partial record Dataset
{
    /// <summary>
    /// The examples at <paramref name="rows"/> of <paramref name="features"/> and <paramref name="targets"/>, in
    /// that order, with the features standardized by <paramref name="standardizer"/> when one is given: a view
    /// that keeps the stored rows and converts a row (<c>(x - μ)/s</c>, the same numbers as
    /// <see cref="Standardizer.Apply(Dataset)"/> of the unstandardized rows) only when it is taken, for a batch or
    /// a block. The targets of the chosen rows are copied. Every row is read once here to check it. An error
    /// naming every problem: no rows, a row out of range, targets with another number of rows, no feature or
    /// target columns, a standardizer fitted on another number of features, and the first number that is not
    /// finite (by its row in <paramref name="features"/> or <paramref name="targets"/>, and column; standardized
    /// numbers are checked too).
    /// </summary>
    public static Fin<Dataset> FromRows(FeatureRows features, Tensor targets, IReadOnlyList<int> rows, Standardizer? standardizer = null)
    {
        var outside = Enumerable.Range(0, rows.Count).FirstOrDefault(i => rows[i] < 0 || rows[i] >= features.Rows, -1);
        return Checks.All([
                Checks.That(rows.Count >= 1, () => "a dataset needs at least one example, got no rows"),
                Checks.That(features.Columns >= 1, () => "features: need at least one column, got 0"),
                Checks.That(targets.Columns >= 1, () => "targets: need at least one column, got 0"),
                Checks.That(targets.Rows == features.Rows, () => $"targets: {targets.Rows} rows for {features.Rows} feature rows"),
                Checks.That(standardizer is null || standardizer.FeatureCount == features.Columns,
                    () => $"standardizer: fitted on {standardizer!.FeatureCount} features, got {features.Columns}"),
                Checks.That(outside < 0, () => $"rows: position {outside} is row {rows[outside]}, outside 0..{features.Rows - 1}"),
            ])
            .ToFin()
            .Bind(_ => new Dataset(new RowView(features, [.. rows], standardizer), Gather(targets, rows)).Checked());
    }
}
