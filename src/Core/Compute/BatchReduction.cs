using System.Numerics;

namespace Functional.NN.Compute;

/// <summary>
/// The one order in which every sum over the rows of a batch is taken: the weight gradient δᵀa (every
/// product with a transposed left operand), the bias gradient (column sums of δ) and the loss mean.
/// <para>
/// The rows are cut into chunks of <see cref="ChunkRows"/> consecutive rows (the last chunk may be shorter).
/// Each chunk is one sequential chain starting from +0: <c>s = fma(x_r, y_r, s)</c> for a product,
/// <c>s = s + x_r</c> for a plain sum, rows in increasing order. The n chunk partials are then combined by a
/// fixed pairwise tree: <c>tree(1) = the chunk</c>, and for n &gt; 1, <c>tree(n) = tree(first L) + tree(the
/// other n - L)</c>, where L is the largest power of two strictly below n (<see cref="LeftCount"/>).
/// </para>
/// <para>
/// The order depends on the number of rows only. Threads (and, later, processes) split the outputs or whole
/// chunks, never a chain; aligned groups of 2^g chunks are exact subtrees, so a group's sum may be computed
/// on its own and combined with the same rule. Sums over features (z = aWᵀ, δW) are not batch sums: see
/// <see cref="ComputeBackend.Multiply"/>.
/// </para>
/// </summary>
internal static class BatchReduction
{
    /// <summary>Rows per chunk.</summary>
    public const int ChunkRows = 32;

    /// <summary>The number of chunks of <paramref name="rows"/> rows.</summary>
    public static int Chunks(int rows) => (rows + ChunkRows - 1) / ChunkRows;

    /// <summary>For n ≥ 2 chunks, how many the left subtree takes: the largest power of two strictly below n.</summary>
    public static int LeftCount(int n) => 1 << (31 - int.LeadingZeroCount(n - 1));

    /// <summary>Σ values, one value per row, in the canonical order.</summary>
    public static T Sum<T>(ReadOnlySpan<T> values) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var stack = new PartialStack<T>(stackalloc T[32], stackalloc int[32]);
        for (var from = 0; from < values.Length; from += ChunkRows)
        {
            var chunk = values.Slice(from, Math.Min(ChunkRows, values.Length - from));
            var s = T.Zero;
            foreach (var x in chunk) s += x;
            stack.Push(s);
        }
        return stack.Total();
    }

    /// <summary>Σ_r <paramref name="row"/>(r) for r in [0, rows), in the canonical order (each row's value computed once, in row order).</summary>
    public static T Sum<T>(int rows, Func<int, T> row) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var stack = new PartialStack<T>(stackalloc T[32], stackalloc int[32]);
        for (var from = 0; from < rows; from += ChunkRows)
        {
            var s = T.Zero;
            for (var r = from; r < Math.Min(rows, from + ChunkRows); r++) s += row(r);
            stack.Push(s);
        }
        return stack.Total();
    }

    /// <summary>sums[j] = Σ_r a[r, j] for A <c>[rows x columns]</c> row-major, each column in the canonical order.</summary>
    public static void ColumnSums<T>(ReadOnlySpan<T> a, Span<T> sums, int rows, int columns) where T : unmanaged, IFloatingPointIeee754<T>
    {
        sums = sums[..columns];
        if (rows <= ChunkRows)
        {
            ChunkSum(a, sums, 0, rows, columns);
            return;
        }
        var stack = new TileStack<T>(columns, Chunks(rows));
        for (var from = 0; from < rows; from += ChunkRows)
        {
            var partial = stack.Next();
            ChunkSum(a, partial, from, Math.Min(rows, from + ChunkRows), columns);
            stack.Push();
        }
        stack.Total(sums);
    }

    /// <summary>One chunk's chain per column: partial = 0, then partial += row r for r in [from, to).</summary>
    private static void ChunkSum<T>(ReadOnlySpan<T> a, Span<T> partial, int from, int to, int columns) where T : unmanaged, IFloatingPointIeee754<T>
    {
        partial.Clear();
        for (var r = from; r < to; r++)
            Tensors.MatrixKernels.Add(partial, a.Slice(r * columns, columns));
    }

    /// <summary>Chunk partials of one scalar, merged as they arrive into the canonical tree (a binary counter).</summary>
    private ref struct PartialStack<T>(Span<T> values, Span<int> sizes) where T : unmanaged, IFloatingPointIeee754<T>
    {
        private readonly Span<T> _values = values;
        private readonly Span<int> _sizes = sizes;
        private int _top;

        public void Push(T value)
        {
            _values[_top] = value;
            _sizes[_top++] = 1;
            while (_top >= 2 && _sizes[_top - 1] == _sizes[_top - 2])
            {
                _values[_top - 2] += _values[_top - 1];
                _sizes[_top - 2] *= 2;
                _top--;
            }
        }

        /// <summary>The remaining subtrees (sizes falling powers of two) combined right to left.</summary>
        public readonly T Total()
        {
            if (_top == 0) return T.Zero;
            var total = _values[_top - 1];
            for (var i = _top - 2; i >= 0; i--) total = _values[i] + total;
            return total;
        }
    }
}
