using System.Runtime.Intrinsics;
using Functional.NN.Compute;

namespace Functional.NN.Data;

/// <summary>
/// The per-column updates of <see cref="Standardizer.Fit(FeatureRows, IReadOnlyList{int})"/> for one row, eight or
/// four columns at a time. Each column's number is updated exactly as the one-column formula says (one add, one
/// compare, one max of an absolute difference, one multiply and add, rounded as written), so the statistics are
/// the same bits at every vector width.
/// </summary>
internal static class ColumnStatistics
{
    /// <summary>sum[c] += row[c].</summary>
    public static void Add(Span<double> sum, ReadOnlySpan<double> row)
    {
        var end = VectorEnds.Vector512Doubles(sum.Length);
        for (var c = 0; c < end; c += 8) (Vector512.Create(sum[c..]) + Vector512.Create(row[c..])).CopyTo(sum[c..]);
        for (var c = end; c < sum.Length; c++) sum[c] += row[c];
    }

    /// <summary>same[c] &amp;= row[c] == first[c] (all ones while every row so far equals the first).</summary>
    public static void KeepEqual(Span<ulong> same, ReadOnlySpan<double> row, ReadOnlySpan<double> first)
    {
        var end = VectorEnds.Vector512Doubles(same.Length);
        for (var c = 0; c < end; c += 8)
            (Vector512.Create(same[c..]) & Vector512.Equals(Vector512.Create(row[c..]), Vector512.Create(first[c..])).AsUInt64()).CopyTo(same[c..]);
        for (var c = end; c < same.Length; c++)
            if (row[c] != first[c]) same[c] = 0;
    }

    /// <summary>largest[c] = max(largest[c], |row[c] - mean[c]|), with <see cref="Math.Max(double, double)"/>'s NaN and zero rules.</summary>
    public static void KeepLargestDeviation(Span<double> largest, ReadOnlySpan<double> row, ReadOnlySpan<double> mean)
    {
        var end = VectorEnds.Vector512Doubles(largest.Length);
        for (var c = 0; c < end; c += 8)
            Vector512.Max(Vector512.Create(largest[c..]), Vector512.Abs(Vector512.Create(row[c..]) - Vector512.Create(mean[c..]))).CopyTo(largest[c..]);
        for (var c = end; c < largest.Length; c++) largest[c] = Math.Max(largest[c], Math.Abs(row[c] - mean[c]));
    }

    /// <summary>squares[c] += s·s with s = (row[c] - mean[c]) / largest[c] (a product, then a sum: no fused multiply-add).</summary>
    public static void AddScaledSquares(Span<double> squares, ReadOnlySpan<double> row, ReadOnlySpan<double> mean, ReadOnlySpan<double> largest)
    {
        var end = VectorEnds.Vector512Doubles(squares.Length);
        for (var c = 0; c < end; c += 8)
        {
            var scaled = (Vector512.Create(row[c..]) - Vector512.Create(mean[c..])) / Vector512.Create(largest[c..]);
            (Vector512.Create(squares[c..]) + scaled * scaled).CopyTo(squares[c..]);
        }
        for (var c = end; c < squares.Length; c++)
        {
            var scaled = (row[c] - mean[c]) / largest[c];
            squares[c] += scaled * scaled;
        }
    }
}
