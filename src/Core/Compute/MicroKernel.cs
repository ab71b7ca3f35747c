using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Functional.NN.Compute;

/// <summary>
/// The innermost block of <see cref="PackedGemm"/>, for doubles and floats alike (each loop written once; the JIT
/// specialises it per type): Bp is a packed panel of kc rows of <see cref="Columns{T}"/> numbers; A is read where it
/// lies, op(A)(i, p) at a[offsets(i) + p·step], one broadcast per number. A chain is, for every element of the tile,
/// one fused multiply-add per p in increasing p, starting from +0, held in vector registers. The same chain is run at
/// every <see cref="KernelWidth"/>, so the bits do not depend on the width.
/// </summary>
[SkipLocalsInit]
internal static unsafe class MicroKernel
{
    /// <summary>Rows of the register tile.</summary>
    public const int Rows = 6;

    /// <summary>The widest tile in numbers: Rows x 32 (two 512-bit vectors of floats).</summary>
    public const int MaxTile = Rows * 32;

    /// <summary>
    /// Columns of the register tile at <paramref name="width"/>: two vectors wide (16 doubles or 32 floats at 512 bits,
    /// 8 or 16 at 256), and 4 in scalar code.
    /// </summary>
    public static int Columns<T>(KernelWidth width) where T : unmanaged => width switch
    {
        KernelWidth.Vector512 => 2 * Vector512<T>.Count,
        KernelWidth.Vector256 => 2 * Vector256<T>.Count,
        _ => 4,
    };

    /// <summary>C[rows x columns] += (or, with <paramref name="store"/>, =) the chain over kc (one k block of a sum over features).</summary>
    public static void Run<T>(KernelWidth width, int kc, in Strip<T> a, T* bp, T* c, int ldc, int rows, int columns, bool store)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var tile = stackalloc T[MaxTile];
        Chain(width, kc, a, bp, tile);
        AddTile(width, tile, c, ldc, rows, columns, store);
    }

    /// <summary>
    /// C[rows x columns] += (or, with <paramref name="store"/>, =) the sum over kc in the order of <see cref="BatchReduction"/>: a chain per chunk of
    /// <see cref="BatchReduction.ChunkRows"/>, the chunks combined by the pairwise tree. kc starts on a chunk boundary.
    /// </summary>
    public static void RunBatch<T>(KernelWidth width, int kc, in Strip<T> a, T* bp, T* c, int ldc, int rows, int columns, bool store)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        const int Chunk = BatchReduction.ChunkRows;
        var nr = Columns<T>(width);
        var size = Rows * nr;
        var stack = stackalloc T[MaxTile * 8];
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
    public static void Chain<T>(KernelWidth width, int kc, in Strip<T> a, T* b, T* tile) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (width == KernelWidth.Vector512) Chain512(kc, a.Start, a.Step, a.Row1, a.Row2, a.Row3, a.Row4, a.Row5, b, tile);
        else if (width == KernelWidth.Vector256) Chain256(kc, a.Start, a.Step, a.Row1, a.Row2, a.Row3, a.Row4, a.Row5, b, tile);
        else ChainScalar(kc, a, b, tile);
    }

    private static void Chain512<T>(int kc, T* a, nint step, nint r1, nint r2, nint r3, nint r4, nint r5, T* b, T* tile)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var w = Vector512<T>.Count;
        Vector512<T> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector512<T> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        for (var p = 0; p < kc; p++, a += step, b += 2 * w)
        {
            var b0 = Vector512.Load(b);
            var b1 = Vector512.Load(b + w);
            var x = Vector512.Create(a[0]);
            c00 = Fma.Of(x, b0, c00); c01 = Fma.Of(x, b1, c01);
            x = Vector512.Create(a[r1]);
            c10 = Fma.Of(x, b0, c10); c11 = Fma.Of(x, b1, c11);
            x = Vector512.Create(a[r2]);
            c20 = Fma.Of(x, b0, c20); c21 = Fma.Of(x, b1, c21);
            x = Vector512.Create(a[r3]);
            c30 = Fma.Of(x, b0, c30); c31 = Fma.Of(x, b1, c31);
            x = Vector512.Create(a[r4]);
            c40 = Fma.Of(x, b0, c40); c41 = Fma.Of(x, b1, c41);
            x = Vector512.Create(a[r5]);
            c50 = Fma.Of(x, b0, c50); c51 = Fma.Of(x, b1, c51);
        }
        c00.Store(tile); c01.Store(tile + w); c10.Store(tile + 2 * w); c11.Store(tile + 3 * w);
        c20.Store(tile + 4 * w); c21.Store(tile + 5 * w); c30.Store(tile + 6 * w); c31.Store(tile + 7 * w);
        c40.Store(tile + 8 * w); c41.Store(tile + 9 * w); c50.Store(tile + 10 * w); c51.Store(tile + 11 * w);
    }

    /// <summary>tile[6 x 2w] = chain(chunk 0) + chain(chunk 1), the two chunks of 32 run side by side.</summary>
    private static void ChainPair512<T>(in Strip<T> strip, T* b, T* tile) where T : unmanaged, IFloatingPointIeee754<T>
    {
        const int Chunk = BatchReduction.ChunkRows;
        var w = Vector512<T>.Count;
        var nr = 2 * w;
        var a = strip.Start;
        var step = strip.Step;
        var (r1, r2, r3, r4, r5) = (strip.Row1, strip.Row2, strip.Row3, strip.Row4, strip.Row5);
        var later = Chunk * step;
        Vector512<T> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector512<T> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        Vector512<T> d00 = default, d01 = default, d10 = default, d11 = default, d20 = default, d21 = default;
        Vector512<T> d30 = default, d31 = default, d40 = default, d41 = default, d50 = default, d51 = default;
        for (var p = 0; p < Chunk; p++, a += step, b += nr)
        {
            var b0 = Vector512.Load(b);
            var b1 = Vector512.Load(b + w);
            var e0 = Vector512.Load(b + Chunk * nr);
            var e1 = Vector512.Load(b + Chunk * nr + w);
            var x = Vector512.Create(a[0]);
            var y = Vector512.Create(a[later]);
            c00 = Fma.Of(x, b0, c00); c01 = Fma.Of(x, b1, c01);
            d00 = Fma.Of(y, e0, d00); d01 = Fma.Of(y, e1, d01);
            x = Vector512.Create(a[r1]);
            y = Vector512.Create(a[later + r1]);
            c10 = Fma.Of(x, b0, c10); c11 = Fma.Of(x, b1, c11);
            d10 = Fma.Of(y, e0, d10); d11 = Fma.Of(y, e1, d11);
            x = Vector512.Create(a[r2]);
            y = Vector512.Create(a[later + r2]);
            c20 = Fma.Of(x, b0, c20); c21 = Fma.Of(x, b1, c21);
            d20 = Fma.Of(y, e0, d20); d21 = Fma.Of(y, e1, d21);
            x = Vector512.Create(a[r3]);
            y = Vector512.Create(a[later + r3]);
            c30 = Fma.Of(x, b0, c30); c31 = Fma.Of(x, b1, c31);
            d30 = Fma.Of(y, e0, d30); d31 = Fma.Of(y, e1, d31);
            x = Vector512.Create(a[r4]);
            y = Vector512.Create(a[later + r4]);
            c40 = Fma.Of(x, b0, c40); c41 = Fma.Of(x, b1, c41);
            d40 = Fma.Of(y, e0, d40); d41 = Fma.Of(y, e1, d41);
            x = Vector512.Create(a[r5]);
            y = Vector512.Create(a[later + r5]);
            c50 = Fma.Of(x, b0, c50); c51 = Fma.Of(x, b1, c51);
            d50 = Fma.Of(y, e0, d50); d51 = Fma.Of(y, e1, d51);
        }
        (c00 + d00).Store(tile); (c01 + d01).Store(tile + w); (c10 + d10).Store(tile + 2 * w); (c11 + d11).Store(tile + 3 * w);
        (c20 + d20).Store(tile + 4 * w); (c21 + d21).Store(tile + 5 * w); (c30 + d30).Store(tile + 6 * w); (c31 + d31).Store(tile + 7 * w);
        (c40 + d40).Store(tile + 8 * w); (c41 + d41).Store(tile + 9 * w); (c50 + d50).Store(tile + 10 * w); (c51 + d51).Store(tile + 11 * w);
    }

    private static void Chain256<T>(int kc, T* a, nint step, nint r1, nint r2, nint r3, nint r4, nint r5, T* b, T* tile)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var w = Vector256<T>.Count;
        Vector256<T> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector256<T> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        for (var p = 0; p < kc; p++, a += step, b += 2 * w)
        {
            var b0 = Vector256.Load(b);
            var b1 = Vector256.Load(b + w);
            var x = Vector256.Create(a[0]);
            c00 = Fma.Of(x, b0, c00); c01 = Fma.Of(x, b1, c01);
            x = Vector256.Create(a[r1]);
            c10 = Fma.Of(x, b0, c10); c11 = Fma.Of(x, b1, c11);
            x = Vector256.Create(a[r2]);
            c20 = Fma.Of(x, b0, c20); c21 = Fma.Of(x, b1, c21);
            x = Vector256.Create(a[r3]);
            c30 = Fma.Of(x, b0, c30); c31 = Fma.Of(x, b1, c31);
            x = Vector256.Create(a[r4]);
            c40 = Fma.Of(x, b0, c40); c41 = Fma.Of(x, b1, c41);
            x = Vector256.Create(a[r5]);
            c50 = Fma.Of(x, b0, c50); c51 = Fma.Of(x, b1, c51);
        }
        c00.Store(tile); c01.Store(tile + w); c10.Store(tile + 2 * w); c11.Store(tile + 3 * w);
        c20.Store(tile + 4 * w); c21.Store(tile + 5 * w); c30.Store(tile + 6 * w); c31.Store(tile + 7 * w);
        c40.Store(tile + 8 * w); c41.Store(tile + 9 * w); c50.Store(tile + 10 * w); c51.Store(tile + 11 * w);
    }

    private static void ChainScalar<T>(int kc, in Strip<T> a, T* b, T* tile) where T : unmanaged, IFloatingPointIeee754<T>
    {
        new Span<T>(tile, Rows * 4).Clear();
        for (var p = 0; p < kc; p++, b += 4)
            for (var i = 0; i < 6; i++)
            {
                var x = a[i, p];
                for (var j = 0; j < 4; j++)
                    tile[i * 4 + j] = T.FusedMultiplyAdd(x, b[j], tile[i * 4 + j]);
            }
    }

    /// <summary>C[rows x columns] += (or, with <paramref name="store"/>, =) the top-left of a tile <see cref="Columns{T}"/> wide.</summary>
    private static void AddTile<T>(KernelWidth width, T* tile, T* c, int ldc, int rows, int columns, bool store)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var nr = Columns<T>(width);
        if (width == KernelWidth.Vector512 && rows == Rows && columns == nr)
        {
            var w = Vector512<T>.Count;
            for (var i = 0; i < Rows; i++, c += ldc, tile += nr)
            {
                var (low, high) = (Vector512.Load(tile), Vector512.Load(tile + w));
                if (!store) (low, high) = (Vector512.Load(c) + low, Vector512.Load(c + w) + high);
                low.Store(c);
                high.Store(c + w);
            }
            return;
        }
        for (var i = 0; i < rows; i++)
            for (var j = 0; j < columns; j++)
                c[i * ldc + j] = store ? tile[i * nr + j] : c[i * ldc + j] + tile[i * nr + j];
    }

    /// <summary>target[0..length) += source[0..length).</summary>
    private static void AddInto<T>(T* target, T* source, int length) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var i = 0;
        if (Vector512.IsHardwareAccelerated)
            for (; i + Vector512<T>.Count <= length; i += Vector512<T>.Count)
                (Vector512.Load(target + i) + Vector512.Load(source + i)).Store(target + i);
        if (Vector256.IsHardwareAccelerated)
            for (; i + Vector256<T>.Count <= length; i += Vector256<T>.Count)
                (Vector256.Load(target + i) + Vector256.Load(source + i)).Store(target + i);
        for (; i < length; i++) target[i] += source[i];
    }
}
