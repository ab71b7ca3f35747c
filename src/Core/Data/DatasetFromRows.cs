using System.Collections.Immutable;
using System.Numerics;
using System.Runtime.CompilerServices;
using Functional.NN.Compute;
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
            .Bind(_ => Checked(new RowView(features, [.. rows], standardizer), Gather(targets, rows), rows));
    }

    /// <summary>The dataset of <paramref name="view"/> and <paramref name="targets"/>, or an error naming the first number of each that is not finite.</summary>
    private static Fin<Dataset> Checked(RowView view, Tensor targets, IReadOnlyList<int> rows)
    {
        var nonFiniteFeature = view.FirstNonFinite();
        var nonFiniteTarget = FirstNonFinite(targets);
        return Checks.All([
                Checks.That(nonFiniteFeature is null, () => $"features: row {nonFiniteFeature!.Value.Row}, column {nonFiniteFeature.Value.Column} " +
                                                            $"is not a finite number{(nonFiniteFeature.Value.Standardized ? " after standardization" : "")}"),
                Checks.That(nonFiniteTarget is null, () => $"targets: row {rows[nonFiniteTarget!.Value.Row]}, column {nonFiniteTarget.Value.Column} is not a finite number"),
            ])
            .Map(_ => new Dataset(view, targets))
            .ToFin();
    }

    /// <summary>
    /// Chosen rows of stored features, standardized when a standardizer is given. The stored rows are shared
    /// between views and never written; each conversion writes only an array of its own. A conversion computes
    /// (x - mean) / scale per element, vectorized: a table of every column's 256 standardized byte values (1.6 MB
    /// for Fashion-MNIST) was slower, as nearly every lookup missed the cache.
    /// </summary>
    private sealed record RowView
    {
        // For byte rows with a standardizer: whether every one of the 256 values of every column standardizes to a finite number.
        private readonly bool? _standardizedBytesFinite;

        /// <summary>The view of <paramref name="rows"/> of <paramref name="source"/>.</summary>
        public RowView(FeatureRows source, ImmutableArray<int> rows, Standardizer? standardizer)
        {
            Source = source;
            Rows = rows;
            Standardizer = standardizer;
            if (standardizer is null || !source.IsBytes) return;
            var mean = standardizer.Mean.Span;
            var scale = standardizer.Scale.Span;
            // Stryker disable once Boolean : starting from false only turns the shortcut off: FirstNonFinite then reads every row and finds the same answer
            var finite = true;
            for (var c = 0; c < source.Columns; c++)
                // Stryker disable once Equality : b <= 256 also checks (byte)256, which is byte 0 again
                for (var b = 0; b < 256; b++)
                    finite &= double.IsFinite((source.ByteValue((byte)b) - mean[c]) / scale[c]);
            _standardizedBytesFinite = finite;
        }

        /// <summary>The stored feature rows.</summary>
        public FeatureRows Source { get; }

        /// <summary>Position i of the view is row <c>Rows[i]</c> of the source.</summary>
        public ImmutableArray<int> Rows { get; }

        /// <summary>The standardization applied as rows are converted, or null.</summary>
        public Standardizer? Standardizer { get; }

        /// <summary>The view's positions <paramref name="positions"/>, converted into a new tensor.</summary>
        public Tensor Convert(IReadOnlyList<int> positions)
        {
            var data = GC.AllocateUninitializedArray<double>(checked(positions.Count * Source.Columns));
            Convert(positions, data);
            return Tensor.Own(positions.Count, Source.Columns, data);
        }

        /// <summary>The view's positions <paramref name="positions"/>, converted into the start of <paramref name="data"/>.</summary>
        public void Convert(IReadOnlyList<int> positions, double[] data)
        {
            var columns = Source.Columns;
            for (var i = 0; i < positions.Count; i++) ConvertRow(Rows[positions[i]], data.AsSpan(i * columns, columns));
        }

        /// <summary>
        /// The source row and column of the first number that is not finite, as stored or after standardization.
        /// Byte rows hold one of 256 numbers per column: when all of those are finite, no row is read.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)] // one call over every row, at startup
        public (int Row, int Column, bool Standardized)? FirstNonFinite()
        {
            if (EveryByteValueFinite()) return null;
            Span<double> raw = new double[Source.Columns];
            Span<double> row = new double[Source.Columns];
            foreach (var r in Rows)
            {
                ConvertRow(r, row);
                for (var c = 0; c < row.Length; c++)
                {
                    if (double.IsFinite(row[c])) continue;
                    Source.CopyRow(r, raw);
                    return (r, c, double.IsFinite(raw[c]));
                }
            }
            return null;
        }

        private bool EveryByteValueFinite()
        {
            if (_standardizedBytesFinite is { } finite) return finite;
            // Stryker disable once Equality : "is not null" only turns the shortcut off for unstandardized byte rows: every row is then read, with the same answer
            return Source.IsBytes && Standardizer is null && Enumerable.Range(0, 256).All(b => double.IsFinite(Source.ByteValue((byte)b)));
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)] // every batch's rows go through here
        private void ConvertRow(int row, Span<double> into)
        {
            if (Standardizer is null)
            {
                Source.CopyRow(row, into);
                return;
            }
            if (Source.StandardizesByteRows) Source.StandardizedByteRow(row, into, Standardizer.Mean.Span, Standardizer.Scale.Span);
            else CopyStandardized(row, into, Standardizer.Mean.Span, Standardizer.Scale.Span);
        }

        /// <summary>
        /// (x − mean) / scale of row <paramref name="row"/>, lane by lane: subtraction and division are correctly
        /// rounded at every width, so the vector and scalar parts give the bits of the scalar loop.
        /// </summary>
        private void CopyStandardized(int row, Span<double> into, ReadOnlySpan<double> mean, ReadOnlySpan<double> scale)
        {
            Source.CopyRow(row, into);
            var end = VectorEnds.VectorDoubles(into.Length);
            for (var c = 0; c < end; c += Vector<double>.Count)
                ((new Vector<double>(into[c..]) - new Vector<double>(mean[c..])) / new Vector<double>(scale[c..])).CopyTo(into[c..]);
            for (var c = end; c < into.Length; c++) into[c] = (into[c] - mean[c]) / scale[c];
        }
    }
}
