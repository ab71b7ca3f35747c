using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Functional.NN.Compute;

/// <summary>
/// The innermost block of <see cref="PackedGemm"/>: Bp is a packed panel of kc rows of <see cref="Columns"/>
/// numbers; A is read where it lies, op(A)(i, p) at a[offsets(i) + p·step], one broadcast per number. A chain is, for every element of the tile, one fused
/// multiply-add per p in increasing p, starting from +0, held in vector registers. The same chain is run at every
/// <see cref="KernelWidth"/>, so the bits do not depend on the width.
/// </summary>
[SkipLocalsInit]
internal static unsafe class MicroKernel
{
    /// <summary>Rows of the register tile.</summary>
    public const int Rows = 6;

    /// <summary>The widest tile (Rows x 16 doubles).</summary>
    public const int MaxTile = Rows * 16;

    /// <summary>Columns of the register tile at <paramref name="width"/>: two vectors wide.</summary>
    public static int Columns(KernelWidth width) => width switch
    {
        KernelWidth.Vector512 => 16,
        KernelWidth.Vector256 => 8,
        _ => 4,
    };

    /// <summary>C[rows x columns] += (or, with <paramref name="store"/>, =) the chain over kc (one k block of a sum over features).</summary>
    public static void Run(KernelWidth width, int kc, in Strip a, double* bp, double* c, int ldc, int rows, int columns, bool store)
    {
        var tile = stackalloc double[MaxTile];
        Chain(width, kc, a, bp, tile);
        AddTile(width, tile, c, ldc, rows, columns, store);
    }

    /// <summary>
    /// C[rows x columns] += (or, with <paramref name="store"/>, =) the sum over kc in the order of <see cref="BatchReduction"/>: a chain per chunk of
    /// <see cref="BatchReduction.ChunkRows"/>, the chunks combined by the pairwise tree. kc starts on a chunk boundary.
    /// </summary>
    public static void RunBatch(KernelWidth width, int kc, in Strip a, double* bp, double* c, int ldc, int rows, int columns, bool store)
    {
        const int Chunk = BatchReduction.ChunkRows;
        var nr = Columns(width);
        var size = Rows * nr;
        var stack = stackalloc double[MaxTile * 8];
        var sizes = stackalloc int[8];
        var top = 0;
        for (var p = 0; p < kc;)
        {
            // Two whole chunks at once where the registers allow (24 accumulators): an aligned pair, an exact subtree.
            var pair = width == KernelWidth.Vector512 && kc - p >= 2 * Chunk;
            if (pair) ChainPair512(a.Advance(p), bp + p * nr, stack + top * size);
            else Chain(width, Math.Min(Chunk, kc - p), a.Advance(p), bp + p * nr, stack + top * size);
            sizes[top++] = pair ? 2 : 1;
            p += pair ? 2 * Chunk : Chunk;
            while (top >= 2 && sizes[top - 1] == sizes[top - 2])
            {
                AddInto(stack + (top - 2) * size, stack + (top - 1) * size, size);
                sizes[top - 2] *= 2;
                top--;
            }
        }
        for (var i = top - 2; i >= 0; i--) AddInto(stack + i * size, stack + (i + 1) * size, size);
        AddTile(width, stack, c, ldc, rows, columns, store);
    }

    /// <summary>tile[Rows x Columns] = the chain over kc, row-major.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Chain(KernelWidth width, int kc, in Strip a, double* b, double* tile)
    {
        if (width == KernelWidth.Vector512) Chain512(kc, a.Start, a.Step, a.Row1, a.Row2, a.Row3, a.Row4, a.Row5, b, tile);
        else if (width == KernelWidth.Vector256) Chain256(kc, a.Start, a.Step, a.Row1, a.Row2, a.Row3, a.Row4, a.Row5, b, tile);
        else ChainScalar(kc, a, b, tile);
    }

    /// <summary>
    /// Six rows of op(A) where they lie: op(A)(i, p) = Start[Row_i + p·Step] (Row0 = 0). Rows past the matrix's
    /// edge repeat row 0 (their results are never stored).
    /// </summary>
    public readonly struct Strip(double* start, nint step, nint row1, nint row2, nint row3, nint row4, nint row5)
    {
        /// <summary>op(A)(0, 0).</summary>
        public readonly double* Start = start;

        /// <summary>The distance from op(A)(i, p) to op(A)(i, p + 1).</summary>
        public readonly nint Step = step;

        /// <summary>The distances from row 0 to rows 1 to 5.</summary>
        public readonly nint Row1 = row1, Row2 = row2, Row3 = row3, Row4 = row4, Row5 = row5;

        /// <summary>The strip of <paramref name="rows"/> rows at <paramref name="start"/>, rows <paramref name="rowStride"/> apart.</summary>
        public static Strip Of(double* start, nint step, nint rowStride, int rows) => new(start, step,
            rows > 1 ? rowStride : 0, rows > 2 ? 2 * rowStride : 0, rows > 3 ? 3 * rowStride : 0,
            rows > 4 ? 4 * rowStride : 0, rows > 5 ? 5 * rowStride : 0);

        /// <summary>The same rows from p = <paramref name="p"/> on.</summary>
        public Strip Advance(int p) => new(Start + p * Step, Step, Row1, Row2, Row3, Row4, Row5);

        /// <summary>op(A)(i, p).</summary>
        public double this[int i, int p] => Start[p * Step + i switch { 0 => 0, 1 => Row1, 2 => Row2, 3 => Row3, 4 => Row4, _ => Row5 }];
    }

    private static void Chain512(int kc, double* a, nint step, nint r1, nint r2, nint r3, nint r4, nint r5, double* b, double* tile)
    {
        Vector512<double> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector512<double> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        for (var p = 0; p < kc; p++, a += step, b += 16)
        {
            var b0 = Vector512.Load(b);
            var b1 = Vector512.Load(b + 8);
            var x = Vector512.Create(a[0]);
            c00 = Vector512.FusedMultiplyAdd(x, b0, c00); c01 = Vector512.FusedMultiplyAdd(x, b1, c01);
            x = Vector512.Create(a[r1]);
            c10 = Vector512.FusedMultiplyAdd(x, b0, c10); c11 = Vector512.FusedMultiplyAdd(x, b1, c11);
            x = Vector512.Create(a[r2]);
            c20 = Vector512.FusedMultiplyAdd(x, b0, c20); c21 = Vector512.FusedMultiplyAdd(x, b1, c21);
            x = Vector512.Create(a[r3]);
            c30 = Vector512.FusedMultiplyAdd(x, b0, c30); c31 = Vector512.FusedMultiplyAdd(x, b1, c31);
            x = Vector512.Create(a[r4]);
            c40 = Vector512.FusedMultiplyAdd(x, b0, c40); c41 = Vector512.FusedMultiplyAdd(x, b1, c41);
            x = Vector512.Create(a[r5]);
            c50 = Vector512.FusedMultiplyAdd(x, b0, c50); c51 = Vector512.FusedMultiplyAdd(x, b1, c51);
        }
        c00.Store(tile); c01.Store(tile + 8); c10.Store(tile + 16); c11.Store(tile + 24);
        c20.Store(tile + 32); c21.Store(tile + 40); c30.Store(tile + 48); c31.Store(tile + 56);
        c40.Store(tile + 64); c41.Store(tile + 72); c50.Store(tile + 80); c51.Store(tile + 88);
    }

    /// <summary>tile[6 x 16] = chain(chunk 0) + chain(chunk 1), the two chunks of 32 run side by side.</summary>
    private static void ChainPair512(in Strip strip, double* b, double* tile)
    {
        const int Chunk = BatchReduction.ChunkRows;
        var a = strip.Start;
        var step = strip.Step;
        var (r1, r2, r3, r4, r5) = (strip.Row1, strip.Row2, strip.Row3, strip.Row4, strip.Row5);
        var later = Chunk * step;
        Vector512<double> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector512<double> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        Vector512<double> d00 = default, d01 = default, d10 = default, d11 = default, d20 = default, d21 = default;
        Vector512<double> d30 = default, d31 = default, d40 = default, d41 = default, d50 = default, d51 = default;
        for (var p = 0; p < Chunk; p++, a += step, b += 16)
        {
            var b0 = Vector512.Load(b);
            var b1 = Vector512.Load(b + 8);
            var e0 = Vector512.Load(b + Chunk * 16);
            var e1 = Vector512.Load(b + Chunk * 16 + 8);
            var x = Vector512.Create(a[0]);
            var y = Vector512.Create(a[later]);
            c00 = Vector512.FusedMultiplyAdd(x, b0, c00); c01 = Vector512.FusedMultiplyAdd(x, b1, c01);
            d00 = Vector512.FusedMultiplyAdd(y, e0, d00); d01 = Vector512.FusedMultiplyAdd(y, e1, d01);
            x = Vector512.Create(a[r1]);
            y = Vector512.Create(a[later + r1]);
            c10 = Vector512.FusedMultiplyAdd(x, b0, c10); c11 = Vector512.FusedMultiplyAdd(x, b1, c11);
            d10 = Vector512.FusedMultiplyAdd(y, e0, d10); d11 = Vector512.FusedMultiplyAdd(y, e1, d11);
            x = Vector512.Create(a[r2]);
            y = Vector512.Create(a[later + r2]);
            c20 = Vector512.FusedMultiplyAdd(x, b0, c20); c21 = Vector512.FusedMultiplyAdd(x, b1, c21);
            d20 = Vector512.FusedMultiplyAdd(y, e0, d20); d21 = Vector512.FusedMultiplyAdd(y, e1, d21);
            x = Vector512.Create(a[r3]);
            y = Vector512.Create(a[later + r3]);
            c30 = Vector512.FusedMultiplyAdd(x, b0, c30); c31 = Vector512.FusedMultiplyAdd(x, b1, c31);
            d30 = Vector512.FusedMultiplyAdd(y, e0, d30); d31 = Vector512.FusedMultiplyAdd(y, e1, d31);
            x = Vector512.Create(a[r4]);
            y = Vector512.Create(a[later + r4]);
            c40 = Vector512.FusedMultiplyAdd(x, b0, c40); c41 = Vector512.FusedMultiplyAdd(x, b1, c41);
            d40 = Vector512.FusedMultiplyAdd(y, e0, d40); d41 = Vector512.FusedMultiplyAdd(y, e1, d41);
            x = Vector512.Create(a[r5]);
            y = Vector512.Create(a[later + r5]);
            c50 = Vector512.FusedMultiplyAdd(x, b0, c50); c51 = Vector512.FusedMultiplyAdd(x, b1, c51);
            d50 = Vector512.FusedMultiplyAdd(y, e0, d50); d51 = Vector512.FusedMultiplyAdd(y, e1, d51);
        }
        (c00 + d00).Store(tile); (c01 + d01).Store(tile + 8); (c10 + d10).Store(tile + 16); (c11 + d11).Store(tile + 24);
        (c20 + d20).Store(tile + 32); (c21 + d21).Store(tile + 40); (c30 + d30).Store(tile + 48); (c31 + d31).Store(tile + 56);
        (c40 + d40).Store(tile + 64); (c41 + d41).Store(tile + 72); (c50 + d50).Store(tile + 80); (c51 + d51).Store(tile + 88);
    }

    private static void Chain256(int kc, double* a, nint step, nint r1, nint r2, nint r3, nint r4, nint r5, double* b, double* tile)
    {
        Vector256<double> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector256<double> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        for (var p = 0; p < kc; p++, a += step, b += 8)
        {
            var b0 = Vector256.Load(b);
            var b1 = Vector256.Load(b + 4);
            var x = Vector256.Create(a[0]);
            c00 = Vector256.FusedMultiplyAdd(x, b0, c00); c01 = Vector256.FusedMultiplyAdd(x, b1, c01);
            x = Vector256.Create(a[r1]);
            c10 = Vector256.FusedMultiplyAdd(x, b0, c10); c11 = Vector256.FusedMultiplyAdd(x, b1, c11);
            x = Vector256.Create(a[r2]);
            c20 = Vector256.FusedMultiplyAdd(x, b0, c20); c21 = Vector256.FusedMultiplyAdd(x, b1, c21);
            x = Vector256.Create(a[r3]);
            c30 = Vector256.FusedMultiplyAdd(x, b0, c30); c31 = Vector256.FusedMultiplyAdd(x, b1, c31);
            x = Vector256.Create(a[r4]);
            c40 = Vector256.FusedMultiplyAdd(x, b0, c40); c41 = Vector256.FusedMultiplyAdd(x, b1, c41);
            x = Vector256.Create(a[r5]);
            c50 = Vector256.FusedMultiplyAdd(x, b0, c50); c51 = Vector256.FusedMultiplyAdd(x, b1, c51);
        }
        c00.Store(tile); c01.Store(tile + 4); c10.Store(tile + 8); c11.Store(tile + 12);
        c20.Store(tile + 16); c21.Store(tile + 20); c30.Store(tile + 24); c31.Store(tile + 28);
        c40.Store(tile + 32); c41.Store(tile + 36); c50.Store(tile + 40); c51.Store(tile + 44);
    }

    private static void ChainScalar(int kc, in Strip a, double* b, double* tile)
    {
        new Span<double>(tile, Rows * 4).Clear();
        for (var p = 0; p < kc; p++, b += 4)
            for (var i = 0; i < 6; i++)
            {
                var x = a[i, p];
                for (var j = 0; j < 4; j++)
                    tile[i * 4 + j] = Math.FusedMultiplyAdd(x, b[j], tile[i * 4 + j]);
            }
    }

    /// <summary>C[rows x columns] += (or, with <paramref name="store"/>, =) the top-left of a tile <see cref="Columns"/> wide.</summary>
    private static void AddTile(KernelWidth width, double* tile, double* c, int ldc, int rows, int columns, bool store)
    {
        var nr = Columns(width);
        if (width == KernelWidth.Vector512 && rows == Rows && columns == nr)
        {
            for (var i = 0; i < Rows; i++, c += ldc, tile += 16)
            {
                var (low, high) = (Vector512.Load(tile), Vector512.Load(tile + 8));
                if (!store) (low, high) = (Vector512.Load(c) + low, Vector512.Load(c + 8) + high);
                low.Store(c);
                high.Store(c + 8);
            }
            return;
        }
        for (var i = 0; i < rows; i++)
            for (var j = 0; j < columns; j++)
                c[i * ldc + j] = store ? tile[i * nr + j] : c[i * ldc + j] + tile[i * nr + j];
    }

    /// <summary>target[0..length) += source[0..length).</summary>
    private static void AddInto(double* target, double* source, int length)
    {
        var i = 0;
        if (Vector512.IsHardwareAccelerated)
            for (; i + 8 <= length; i += 8)
                (Vector512.Load(target + i) + Vector512.Load(source + i)).Store(target + i);
        if (Vector256.IsHardwareAccelerated)
            for (; i + 4 <= length; i += 4)
                (Vector256.Load(target + i) + Vector256.Load(source + i)).Store(target + i);
        for (; i < length; i++) target[i] += source[i];
    }
}
