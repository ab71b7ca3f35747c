using System.Buffers;
using System.Collections.Immutable;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Functional.NN.Compute;

namespace Functional.NN.Data;

public sealed partial record Dataset
{
    /// <summary>
    /// Chosen rows of stored features, standardized when a standardizer is given. The stored rows are shared
    /// between views and never written; each conversion writes only an array of its own. A conversion computes
    /// (x - mean) / scale per element in double, vectorized: a table of every column's 256 standardized byte values
    /// (1.6 MB for Fashion-MNIST) was slower, as nearly every lookup missed the cache. A row in another element type
    /// is that double row rounded once (<see cref="Rounding{T}"/>): standardized byte rows are narrowed in the
    /// register, other rows made in one pooled row of doubles; never a double tensor.
    /// </summary>
    private sealed record RowView(FeatureRows Source, ImmutableArray<int> Rows, Standardizer? Standardizer)
    {
        /// <summary>Equal when they view the same stored rows object, the same rows in the same order, with equal standardizers.</summary>
        public bool Equals(RowView? other) =>
            other is not null && ReferenceEquals(Source, other.Source) && Rows.SequenceEqual(other.Rows) && Equals(Standardizer, other.Standardizer);

        /// <inheritdoc />
        public override int GetHashCode() => HashCode.Combine(Source, Rows.Length, Standardizer);

        /// <summary>The view of this view's positions <paramref name="positions"/> (valid, unchecked): the same stored rows, nothing converted.</summary>
        public RowView Take(IReadOnlyList<int> positions)
        {
            var rows = ImmutableArray.CreateBuilder<int>(positions.Count);
            for (var i = 0; i < positions.Count; i++) rows.Add(Rows[positions[i]]);
            return this with { Rows = rows.MoveToImmutable() };
        }

        /// <summary>The view's positions <paramref name="positions"/>, converted into the start of <paramref name="data"/>.</summary>
        public void Convert<T>(IReadOnlyList<int> positions, Span<T> data) where T : unmanaged, IFloatingPointIeee754<T>
        {
            var columns = Source.Columns;
            var scratch = typeof(T) == typeof(double) ? null : ArrayPool<double>.Shared.Rent(columns);
            var row = scratch is null ? default : scratch.AsSpan(0, columns);
            for (var i = 0; i < positions.Count; i++) ConvertRow(Rows[positions[i]], data.Slice(i * columns, columns), row);
            if (scratch is not null) ArrayPool<double>.Shared.Return(scratch);
        }

        /// <summary>
        /// The source row and column of the first number that is not finite as a <typeparamref name="T"/>, as stored
        /// or after standardization (<c>Standardized</c>: the stored number is finite). Byte rows hold one of 256
        /// numbers per column: when all of those are finite, no row is read.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)] // one call over every row, at startup
        public (int Row, int Column, bool Standardized)? FirstNonFinite<T>() where T : unmanaged, IFloatingPointIeee754<T>
        {
            if (EveryByteValueFinite<T>()) return null;
            Span<double> raw = new double[Source.Columns];
            Span<double> row = new double[Source.Columns];
            foreach (var r in Rows)
            {
                ConvertRow(r, row, default);
                for (var c = 0; c < row.Length; c++)
                {
                    if (Rounding<T>.IsFinite(row[c])) continue;
                    Source.CopyRow(r, raw);
                    return (r, c, Rounding<T>.IsFinite(raw[c]));
                }
            }
            return null;
        }

        /// <summary>Byte rows only: whether each of the 256 values of every column is finite as a <typeparamref name="T"/> (standardized when the view standardizes).</summary>
        private bool EveryByteValueFinite<T>() where T : unmanaged, IFloatingPointIeee754<T>
        {
            if (!Source.IsBytes) return false;
            if (Standardizer is null) return Enumerable.Range(0, 256).All(b => Rounding<T>.IsFinite(Source.ByteValue((byte)b)));
            var mean = Standardizer.Mean.Span;
            var scale = Standardizer.Scale.Span;
            // Stryker disable once Boolean : starting from false only turns the shortcut off: FirstNonFinite then reads every row and finds the same answer
            var finite = true;
            for (var c = 0; c < Source.Columns; c++)
                // Stryker disable once Equality : b <= 256 also checks (byte)256, which is byte 0 again
                for (var b = 0; b < 256; b++)
                    finite &= Rounding<T>.IsFinite((Source.ByteValue((byte)b) - mean[c]) / scale[c]);
            return finite;
        }

        /// <summary>
        /// Stored row <paramref name="row"/>, standardized when the view standardizes, into <paramref name="into"/>: in
        /// double, into <paramref name="into"/> itself for doubles, otherwise into <paramref name="scratch"/> (a row's
        /// length) and then rounded; standardized byte rows go straight to <typeparamref name="T"/> (<see cref="FeatureRows.StandardizedByteRow{T}"/>).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)] // every batch's rows go through here
        private void ConvertRow<T>(int row, Span<T> into, Span<double> scratch) where T : unmanaged, IFloatingPointIeee754<T>
        {
            if (Standardizer is not null && Source.StandardizesByteRows)
            {
                Source.StandardizedByteRow(row, into, Standardizer.Mean.Span, Standardizer.Scale.Span);
                return;
            }
            var doubles = typeof(T) == typeof(double) ? MemoryMarshal.Cast<T, double>(into) : scratch;
            if (Standardizer is null) Source.CopyRow(row, doubles);
            else CopyStandardized(row, doubles, Standardizer.Mean.Span, Standardizer.Scale.Span);
            if (typeof(T) != typeof(double)) Rounding<T>.Copy(doubles, into);
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
