namespace Functional.NN.Compute;

/// <summary>
/// Six rows of op(A) where they lie, as <see cref="MicroKernel"/> reads them: op(A)(i, p) = Start[Row_i + p·Step]
/// (Row0 = 0). Rows past the matrix's edge repeat row 0 (their results are never stored).
/// </summary>
internal readonly unsafe struct Strip<T>(T* start, nint step, nint row1, nint row2, nint row3, nint row4, nint row5)
    where T : unmanaged
{
    /// <summary>op(A)(0, 0).</summary>
    public readonly T* Start = start;

    /// <summary>The distance from op(A)(i, p) to op(A)(i, p + 1).</summary>
    public readonly nint Step = step;

    /// <summary>The distances from row 0 to rows 1 to 5.</summary>
    public readonly nint Row1 = row1, Row2 = row2, Row3 = row3, Row4 = row4, Row5 = row5;

    /// <summary>The strip of <paramref name="rows"/> rows at <paramref name="start"/>, rows <paramref name="rowStride"/> apart.</summary>
    public static Strip<T> Of(T* start, nint step, nint rowStride, int rows) => new(start, step,
        rows > 1 ? rowStride : 0, rows > 2 ? 2 * rowStride : 0, rows > 3 ? 3 * rowStride : 0,
        rows > 4 ? 4 * rowStride : 0, rows > 5 ? 5 * rowStride : 0);

    /// <summary>The same rows from p = <paramref name="p"/> on.</summary>
    public Strip<T> Advance(int p) => new(Start + p * Step, Step, Row1, Row2, Row3, Row4, Row5);

    /// <summary>op(A)(i, p).</summary>
    public T this[int i, int p] => Start[p * Step + i switch { 0 => 0, 1 => Row1, 2 => Row2, 3 => Row3, 4 => Row4, _ => Row5 }];
}
