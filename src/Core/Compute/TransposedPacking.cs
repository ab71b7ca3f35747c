using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Functional.NN.Compute;

/// <summary>
/// Packs a strip of nr columns of a transposed B (op(B)(p, j) = B[j][p], rows of B contiguous in p) for
/// <see cref="MicroKernel"/>: strip[p·nr + j] = source_j[p]. The rows of B are read 8 numbers at a time and turned
/// with 8 x 8 register transposes (AVX-512 for 16 doubles, AVX for floats, 8 columns at a time), instead of one
/// scattered store per number (the forward pass packs every weight matrix this way at every step). Pure data
/// movement: the numbers packed are the same either way.
/// </summary>
[SkipLocalsInit]
internal static unsafe class TransposedPacking
{
    /// <summary>Whether <see cref="Strip{T}"/> packs strips <paramref name="nr"/> wide of <typeparamref name="T"/> on this processor.</summary>
    public static bool Supports<T>(int nr) where T : unmanaged =>
        typeof(T) == typeof(double) ? nr == 16 && Avx512F.IsSupported
        : typeof(T) == typeof(float) && nr % 8 == 0 && Avx.IsSupported;

    /// <summary>
    /// strip[p·nr + j] = rows[j·rowStride + p] for j below nr and p below <paramref name="kc"/> (all nr rows exist);
    /// only where <see cref="Supports{T}"/>.
    /// </summary>
    public static void Strip<T>(T* rows, long rowStride, int kc, T* strip, int nr) where T : unmanaged
    {
        if (typeof(T) == typeof(double)) Strip16((double*)rows, rowStride, kc, (double*)strip);
        else StripOfFloats((float*)rows, rowStride, kc, (float*)strip, nr);
    }

    /// <summary>strip[p·nr + j] = rows[j·rowStride + p] for j below <paramref name="nr"/> (a multiple of 8).</summary>
    private static void StripOfFloats(float* rows, long rowStride, int kc, float* strip, int nr)
    {
        var p = 0;
        for (; p + 8 <= kc; p += 8)
            for (var j = 0; j < nr; j += 8)
                Transpose8(rows + j * rowStride + p, rowStride, strip + p * nr + j, nr);
        for (; p < kc; p++)
            for (var j = 0; j < nr; j++) strip[p * nr + j] = rows[j * rowStride + p];
    }

    /// <summary>target[i·targetStride + j] = source[j·stride + i] for i, j below 8: an 8 x 8 block of floats turned in registers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose8(float* source, long stride, float* target, int targetStride)
    {
        var r0 = Avx.LoadVector256(source);
        var r1 = Avx.LoadVector256(source + stride);
        var r2 = Avx.LoadVector256(source + 2 * stride);
        var r3 = Avx.LoadVector256(source + 3 * stride);
        var r4 = Avx.LoadVector256(source + 4 * stride);
        var r5 = Avx.LoadVector256(source + 5 * stride);
        var r6 = Avx.LoadVector256(source + 6 * stride);
        var r7 = Avx.LoadVector256(source + 7 * stride);
        // Pairs of rows interleaved, then pairs of pairs (0x44: the low halves, 0xEE: the high), then 128-bit lanes.
        var t0 = Avx.UnpackLow(r0, r1); var t1 = Avx.UnpackHigh(r0, r1);
        var t2 = Avx.UnpackLow(r2, r3); var t3 = Avx.UnpackHigh(r2, r3);
        var t4 = Avx.UnpackLow(r4, r5); var t5 = Avx.UnpackHigh(r4, r5);
        var t6 = Avx.UnpackLow(r6, r7); var t7 = Avx.UnpackHigh(r6, r7);
        var u0 = Avx.Shuffle(t0, t2, 0x44); var u1 = Avx.Shuffle(t0, t2, 0xEE);
        var u2 = Avx.Shuffle(t1, t3, 0x44); var u3 = Avx.Shuffle(t1, t3, 0xEE);
        var u4 = Avx.Shuffle(t4, t6, 0x44); var u5 = Avx.Shuffle(t4, t6, 0xEE);
        var u6 = Avx.Shuffle(t5, t7, 0x44); var u7 = Avx.Shuffle(t5, t7, 0xEE);
        Avx.Store(target, Avx.Permute2x128(u0, u4, 0x20));
        Avx.Store(target + targetStride, Avx.Permute2x128(u1, u5, 0x20));
        Avx.Store(target + 2 * targetStride, Avx.Permute2x128(u2, u6, 0x20));
        Avx.Store(target + 3 * targetStride, Avx.Permute2x128(u3, u7, 0x20));
        Avx.Store(target + 4 * targetStride, Avx.Permute2x128(u0, u4, 0x31));
        Avx.Store(target + 5 * targetStride, Avx.Permute2x128(u1, u5, 0x31));
        Avx.Store(target + 6 * targetStride, Avx.Permute2x128(u2, u6, 0x31));
        Avx.Store(target + 7 * targetStride, Avx.Permute2x128(u3, u7, 0x31));
    }

    /// <summary>strip[p·16 + j] = rows[j·rowStride + p] for j below 16 doubles (AVX-512).</summary>
    private static void Strip16(double* rows, long rowStride, int kc, double* strip)
    {
        var p = 0;
        for (; p + 8 <= kc; p += 8)
        {
            Transpose8(rows + p, rowStride, strip + p * 16);
            Transpose8(rows + 8 * rowStride + p, rowStride, strip + p * 16 + 8);
        }
        for (; p < kc; p++)
            for (var j = 0; j < 16; j++) strip[p * 16 + j] = rows[j * rowStride + p];
    }

    /// <summary>target[i·16 + j] = source[j·stride + i] for i, j below 8: an 8 x 8 block turned in registers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose8(double* source, long stride, double* target)
    {
        var r0 = Avx512F.LoadVector512(source);
        var r1 = Avx512F.LoadVector512(source + stride);
        var r2 = Avx512F.LoadVector512(source + 2 * stride);
        var r3 = Avx512F.LoadVector512(source + 3 * stride);
        var r4 = Avx512F.LoadVector512(source + 4 * stride);
        var r5 = Avx512F.LoadVector512(source + 5 * stride);
        var r6 = Avx512F.LoadVector512(source + 6 * stride);
        var r7 = Avx512F.LoadVector512(source + 7 * stride);
        // Pairs of rows interleaved, then 128-bit lanes gathered twice (lanes 0 and 2 with 0x88, 1 and 3 with 0xDD).
        var t0 = Avx512F.UnpackLow(r0, r1); var t1 = Avx512F.UnpackHigh(r0, r1);
        var t2 = Avx512F.UnpackLow(r2, r3); var t3 = Avx512F.UnpackHigh(r2, r3);
        var t4 = Avx512F.UnpackLow(r4, r5); var t5 = Avx512F.UnpackHigh(r4, r5);
        var t6 = Avx512F.UnpackLow(r6, r7); var t7 = Avx512F.UnpackHigh(r6, r7);
        var u0 = Avx512F.Shuffle4x128(t0, t2, 0x88); var u1 = Avx512F.Shuffle4x128(t0, t2, 0xDD);
        var u2 = Avx512F.Shuffle4x128(t1, t3, 0x88); var u3 = Avx512F.Shuffle4x128(t1, t3, 0xDD);
        var u4 = Avx512F.Shuffle4x128(t4, t6, 0x88); var u5 = Avx512F.Shuffle4x128(t4, t6, 0xDD);
        var u6 = Avx512F.Shuffle4x128(t5, t7, 0x88); var u7 = Avx512F.Shuffle4x128(t5, t7, 0xDD);
        Avx512F.Store(target, Avx512F.Shuffle4x128(u0, u4, 0x88));
        Avx512F.Store(target + 16, Avx512F.Shuffle4x128(u2, u6, 0x88));
        Avx512F.Store(target + 32, Avx512F.Shuffle4x128(u1, u5, 0x88));
        Avx512F.Store(target + 48, Avx512F.Shuffle4x128(u3, u7, 0x88));
        Avx512F.Store(target + 64, Avx512F.Shuffle4x128(u0, u4, 0xDD));
        Avx512F.Store(target + 80, Avx512F.Shuffle4x128(u2, u6, 0xDD));
        Avx512F.Store(target + 96, Avx512F.Shuffle4x128(u1, u5, 0xDD));
        Avx512F.Store(target + 112, Avx512F.Shuffle4x128(u3, u7, 0xDD));
    }
}
