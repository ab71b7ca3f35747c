using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Functional.NN.Data;
using Functional.NN.Tensors;
using Xunit;

namespace Functional.NN.Tests.Data;

/// <summary>
/// <see cref="Standardizer.Fit(FeatureRows, IReadOnlyList{int})"/> updates eight columns at a time; its statistics
/// must be, bit for bit, those of the one-column formulas written out here (sum in row order, the mean, the largest
/// absolute deviation, the sum of squares of the scaled deviations), on any row order and on data with constant
/// columns, signed zeros, huge and subnormal numbers, for widths that leave a tail of single columns.
/// </summary>
public sealed class StandardizerFitProperties
{
    private static readonly double[] Edges = [0.0, -0.0, 1.0, -1.0, 1e300, -1e300, double.Epsilon, 2.5e-310, 0.1, 7.0];

    private static Arbitrary<(double[][] Rows, int[] Order)> Cases() => Arb.From(
        from columns in Gen.Choose(1, 37)
        from count in Gen.Choose(1, 12)
        from constantColumn in Gen.Choose(0, columns - 1)
        from rows in Gen.ArrayOf(Gen.ArrayOf(Gen.OneOf(Gen.Elements(Edges), Gen.Choose(-1000, 1000).Select(i => i / 7.0)), columns), count)
        from order in Gen.ArrayOf(Gen.Choose(0, count - 1), count + 3)
        select (rows.Select(r => { var copy = (double[])r.Clone(); copy[constantColumn] = 3.25; return copy; }).ToArray(), order));

    [Property(MaxTest = 300)]
    public Property Statistics_are_the_one_column_formulas_bit_for_bit() => Prop.ForAll(Cases(), c =>
    {
        var features = FeatureRows.Of(Tensor.FromRows(c.Rows).ThrowIfFail());
        var fitted = Standardizer.Fit(features, c.Order);
        var (mean, scale) = Reference(c.Rows, c.Order);
        Assert.Equal(Bits(mean), Bits(fitted.Mean.ToArray()));
        Assert.Equal(Bits(scale), Bits(fitted.Scale.ToArray()));
    });

    private static Arbitrary<(byte[] Pixels, int Rows, int Columns, double Divisor)> ByteRows() => Arb.From(
        from columns in Gen.Choose(1, 37)
        from rows in Gen.Choose(1, 6)
        from pixels in Gen.Choose(0, 255).Select(b => (byte)b).ArrayOf(rows * columns)
        from divisor in Gen.Elements(1.0, 255.0, 3.0, 0.7, 1e-3, 7e300)
        select (pixels, rows, columns, divisor));

    [Property(MaxTest = 200)]
    public Property Standardized_byte_rows_are_the_stored_numbers_standardized_bit_for_bit() => Prop.ForAll(ByteRows(), c =>
    {
        var stored = FeatureRows.FromBytes([.. c.Pixels], 0, c.Rows, c.Columns, c.Divisor).ThrowIfFail();
        var standardizer = Standardizer.Fit(stored, Enumerable.Range(0, c.Rows).ToArray());
        var (mean, scale) = (standardizer.Mean.Span.ToArray(), standardizer.Scale.Span.ToArray());
        var data = Dataset.FromRows(stored, Tensor.Build(c.Rows, 1, (r, _) => r), Enumerable.Range(0, c.Rows).ToArray(), standardizer).ThrowIfFail();
        var expected = new double[c.Rows * c.Columns];
        for (var r = 0; r < c.Rows; r++)
            for (var k = 0; k < c.Columns; k++)
                expected[r * c.Columns + k] = (stored[r, k] - mean[k]) / scale[k];
        Assert.Equal(Bits(expected), Bits(data.Features.ToArray()));
    });

    private static long[] Bits(double[] values) => values.Select(BitConverter.DoubleToInt64Bits).ToArray();

    private static (double[] Mean, double[] Scale) Reference(double[][] data, int[] order)
    {
        var (n, columns) = (order.Length, data[0].Length);
        var (mean, scale) = (new double[columns], new double[columns]);
        for (var c = 0; c < columns; c++)
        {
            var (sum, constant, first) = (0.0, true, data[order[0]][c]);
            foreach (var r in order) { sum += data[r][c]; constant &= data[r][c] == first; }
            mean[c] = constant ? first : sum / n;
            var largest = 0.0;
            foreach (var r in order) largest = Math.Max(largest, Math.Abs(data[r][c] - mean[c]));
            var squares = 0.0;
            foreach (var r in order) { var s = (data[r][c] - mean[c]) / largest; squares += s * s; }
            var deviation = largest * Math.Sqrt(squares / n);
            scale[c] = !constant && deviation > 0 && double.IsFinite(deviation) ? deviation : 1.0;
        }
        return (mean, scale);
    }
}
