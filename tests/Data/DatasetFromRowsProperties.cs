using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Functional.NN.Data;
using Functional.NN.Randomness;
using Functional.NN.Tensors;
using Xunit;

namespace Functional.NN.Tests.Data;

/// <summary>
/// Building the parts of a run from stored rows (<see cref="Dataset.FromRows"/>, <see cref="DataSplit.Rows"/>,
/// <see cref="Standardizer.Fit(FeatureRows, IReadOnlyList{int})"/>) gives the bits of the old path: convert
/// everything, split by copying, fit column by column, then standardize a copy.
/// </summary>
public sealed class DatasetFromRowsProperties
{
    /// <summary>(rows, columns, pixel bytes, validation fraction, key).</summary>
    private static Arbitrary<(int Rows, int Columns, byte[] Pixels, double Fraction, RandomKey Key)> Images =>
        (from rows in Gen.Choose(2, 40)
         from columns in Gen.Choose(1, 6)
         from pixels in Gen.Choose(0, 255).Select(b => (byte)b).ArrayOf(rows * columns)
         from constant in Gen.Elements(true, false)
         from percent in Gen.Choose(1, 60)
         from key in IndexedData.Keys
         select (rows, columns, constant ? pixels.Select((p, i) => i % columns == 0 ? (byte)7 : p).ToArray() : pixels, percent / 100.0, key))
        .ToArbitrary();

    [Property(MaxTest = 200)]
    public Property Split_fit_and_standardize_from_bytes_give_the_bits_of_the_copying_path() =>
        Prop.ForAll(Images, c =>
        {
            var targets = Tensor.Build(c.Rows, 2, (r, k) => (r + k) % 2);
            var all = Dataset.Create(Tensor.Build(c.Rows, c.Columns, (r, k) => c.Pixels[r * c.Columns + k] / 255.0), targets).ThrowIfFail();
            var old = DataSplit.Create(all, c.Fraction, c.Key);
            var rows = DataSplit.Rows(c.Rows, c.Fraction, c.Key);
            if (old.IsFail) return rows.IsFail.Label("the same split errors");
            var split = old.ThrowIfFail();
            var oldStandardizer = ColumnByColumnFit(split.Training.Features);
            var oldTraining = oldStandardizer.Apply(split.Training).ThrowIfFail();
            var oldValidation = oldStandardizer.Apply(split.Validation).ThrowIfFail();

            var stored = FeatureRows.FromBytes([.. c.Pixels], 0, c.Rows, c.Columns, 255.0).ThrowIfFail();
            var parts = rows.ThrowIfFail();
            var standardizer = Standardizer.Fit(stored, parts.Training);
            var training = Dataset.FromRows(stored, targets, parts.Training, standardizer).ThrowIfFail();
            var validation = Dataset.FromRows(stored, targets, parts.Validation, standardizer).ThrowIfFail();
            return (Bits(standardizer.Mean).SequenceEqual(Bits(oldStandardizer.Mean))
                    && Bits(standardizer.Scale).SequenceEqual(Bits(oldStandardizer.Scale))
                    && Bits(training.Features).SequenceEqual(Bits(oldTraining.Features))
                    && Bits(validation.Features).SequenceEqual(Bits(oldValidation.Features))
                    && training.Targets.Equals(oldTraining.Targets) && validation.Targets.Equals(oldValidation.Targets)
                    && training.FeatureCount == c.Columns && training.Count + validation.Count == c.Rows)
                .Label($"mean {standardizer.Mean} vs {oldStandardizer.Mean}");
        });

    /// <summary>(rows, columns, bytes, key): widths from 1 to 19, so every split between vector loops and scalar tails.</summary>
    private static Arbitrary<(int Rows, int Columns, byte[] Bytes, RandomKey Key)> WideRows =>
        (from rows in Gen.Choose(1, 12)
         from columns in Gen.Choose(1, 19)
         from bytes in Gen.Choose(0, 255).Select(b => (byte)b).ArrayOf(rows * columns)
         from key in IndexedData.Keys
         select (rows, columns, bytes, key)).ToArbitrary();

    [Property(MaxTest = 150)]
    public Property Rows_taken_with_a_standardizer_are_the_scalar_formula_bit_for_bit_from_tensors_and_from_bytes() =>
        Prop.ForAll(WideRows, c =>
        {
            var mean = Sampling.Normal(c.Key, 1, c.Columns, 0.5, 0.2);
            var scale = Sampling.Normal(c.Key.Split(1)[0], 1, c.Columns, 0.3, 0.05).Map(Math.Abs);
            var standardizer = Standardizer.Create(mean, scale).ThrowIfFail();
            var x = Tensor.Build(c.Rows, c.Columns, (r, k) => c.Bytes[r * c.Columns + k] / 255.0);
            var targets = Tensor.Zeros(c.Rows, 1);
            var taken = Enumerable.Range(0, c.Rows).Reverse().ToArray();
            var expected = Tensor.Build(c.Rows, c.Columns, (r, k) => (x[taken[r], k] - mean[0, k]) / scale[0, k]);
            var fromTensor = Dataset.FromRows(FeatureRows.Of(x), targets, taken, standardizer).ThrowIfFail().Features;
            var fromBytes = Dataset.FromRows(FeatureRows.FromBytes([.. c.Bytes], 0, c.Rows, c.Columns, 255.0).ThrowIfFail(), targets, taken, standardizer)
                .ThrowIfFail().Features;
            return (Bits(fromTensor).SequenceEqual(Bits(expected)) && Bits(fromBytes).SequenceEqual(Bits(expected)))
                .Label($"{c.Rows} x {c.Columns}: tensor {fromTensor}, bytes {fromBytes}, formula {expected}");
        });

    [Property(MaxTest = 100)]
    public Property Row_major_fit_of_doubles_has_the_bits_of_the_column_by_column_fit() =>
        Prop.ForAll(Gen.Choose(1, 30).SelectMany(n => Gen.Choose(1, 5).Select(k => (n, k))).ToArbitrary(), IndexedData.Keys.ToArbitrary(),
            (shape, key) =>
            {
                var x = Sampling.Normal(key, shape.n, shape.k, 3, 1e3).Map(v => Math.Round(v) % 3 == 0 ? 1e-300 : v);
                var data = Dataset.Create(x, Tensor.Zeros(shape.n, 1)).ThrowIfFail();
                var fitted = Standardizer.Fit(data);
                var reference = ColumnByColumnFit(x);
                return Bits(fitted.Mean).SequenceEqual(Bits(reference.Mean)) && Bits(fitted.Scale).SequenceEqual(Bits(reference.Scale));
            });

    [Fact]
    public void A_view_converts_only_the_rows_taken_and_keeps_their_order()
    {
        var stored = FeatureRows.FromBytes([0, 51, 102, 153, 204, 255], 0, 3, 2, 255.0).ThrowIfFail();
        var view = Dataset.FromRows(stored, Tensor.Build(3, 1, (r, _) => r), [2, 0]).ThrowIfFail();
        Assert.Equal((2, 2), (view.Count, view.FeatureCount));
        Assert.Equal([[204 / 255.0, 1.0], [0.0, 51 / 255.0]], view.Features.ToRows());
        Assert.Equal([2.0, 0.0], view.Targets.ToArray());
        Assert.Equal([[0.0, 51 / 255.0]], view.Subset([1]).ThrowIfFail().Features.ToRows());
    }

    [Fact]
    public void Problems_name_the_stored_row_and_column()
    {
        var x = Tensor.Build(4, 3, (r, c) => r == 2 && c == 1 ? double.NaN : r + c);
        var stored = FeatureRows.Of(x);
        var targets = Tensor.Zeros(4, 1);
        Assert.Contains("features: row 2, column 1 is not a finite number", Error(Dataset.FromRows(stored, targets, [3, 2])));
        Assert.True(Dataset.FromRows(stored, targets, [3, 0, 1]).IsSucc, "rows without the NaN are fine");
        Assert.Contains("position 1 is row 4, outside 0..3", Error(Dataset.FromRows(stored, targets, [0, 4])));
        Assert.Contains("got no rows", Error(Dataset.FromRows(stored, targets, ImmutableArray<int>.Empty)));
        Assert.Contains("targets: 2 rows for 4 feature rows", Error(Dataset.FromRows(stored, Tensor.Zeros(2, 1), [0])));
        var narrow = Standardizer.Fit(Dataset.Create(Tensor.Zeros(2, 2), Tensor.Zeros(2, 1)).ThrowIfFail());
        Assert.Contains("fitted on 2 features, got 3", Error(Dataset.FromRows(stored, targets, [0], narrow)));
        var tiny = Standardizer.Create(Tensor.Zeros(1, 3), Tensor.Filled(1, 3, 1e-320)).ThrowIfFail();
        Assert.Contains("row 1, column 0 is not a finite number after standardization",
            Error(Dataset.FromRows(FeatureRows.Of(Tensor.Filled(4, 3, 1e300)), targets, [1], tiny)));
    }

    [Fact]
    public void Byte_rows_are_checked_by_the_values_their_bytes_stand_for()
    {
        var stored = FeatureRows.FromBytes([0, 1, 2, 3], 0, 2, 2, 1e-320).ThrowIfFail();
        var targets = Tensor.Zeros(2, 1);
        Assert.Contains("features: row 1, column 0 is not a finite number", Error(Dataset.FromRows(stored, targets, [1])));
        Assert.True(Dataset.FromRows(stored, targets, [0]).IsFail, "1 / 1e-320 overflows too (row 0, column 1)");
        var narrow = Standardizer.Create(Tensor.Zeros(1, 2), Tensor.Filled(1, 2, 1e-310)).ThrowIfFail();
        var bytes = FeatureRows.FromBytes([0, 0, 0, 255], 0, 2, 2, 1.0).ThrowIfFail();
        Assert.True(Dataset.FromRows(bytes, targets, [0], narrow).IsSucc, "row 0 holds only zeros: 0 / 1e-310 is finite");
        Assert.Contains("row 1, column 1 is not a finite number after standardization", Error(Dataset.FromRows(bytes, targets, [0, 1], narrow)));
    }

    [Fact]
    public void Byte_rows_must_match_their_shape()
    {
        Assert.Contains("needs 6 bytes from offset 2, there are 5", Error(FeatureRows.FromBytes([.. new byte[7]], 2, 3, 2, 255.0)));
        Assert.Contains("at least one row", Error(FeatureRows.FromBytes([], 0, 0, 2, 255.0)));
        Assert.Contains("divisor must be finite and positive", Error(FeatureRows.FromBytes([1], 0, 1, 1, 0.0)));
        Assert.Equal(Tensor.Build(2, 2, (r, c) => (1 + 2 * r + c) / 4.0),
            FeatureRows.FromBytes([9, 1, 2, 3, 4], 1, 2, 2, 4.0).ThrowIfFail().ToTensor());
    }

    private static string Error<T>(LanguageExt.Fin<T> result) => result.Match(_ => "", e => e.Message);

    private static long[] Bits(Tensor t) => t.ToArray().Select(BitConverter.DoubleToInt64Bits).ToArray();

    /// <summary>The standardizer's statistics as they were computed before the row-major fit: column by column.</summary>
    private static Standardizer ColumnByColumnFit(Tensor x)
    {
        var n = x.Rows;
        var mean = new double[x.Columns];
        var scale = new double[x.Columns];
        for (var c = 0; c < x.Columns; c++)
        {
            double first = x[0, c], sum = 0, largest = 0;
            var constant = true;
            for (var r = 0; r < n; r++)
            {
                sum += x[r, c];
                constant &= x[r, c] == first;
            }
            if (constant)
            {
                (mean[c], scale[c]) = (first, 1.0);
                continue;
            }
            mean[c] = sum / n;
            for (var r = 0; r < n; r++) largest = Math.Max(largest, Math.Abs(x[r, c] - mean[c]));
            var squares = 0.0;
            for (var r = 0; r < n; r++)
            {
                var scaled = (x[r, c] - mean[c]) / largest;
                squares += scaled * scaled;
            }
            var deviation = largest * Math.Sqrt(squares / n);
            scale[c] = deviation > 0 && double.IsFinite(deviation) ? deviation : 1.0;
        }
        return Standardizer.Create(Tensor.RowVector(mean), Tensor.RowVector(scale)).ThrowIfFail();
    }
}
