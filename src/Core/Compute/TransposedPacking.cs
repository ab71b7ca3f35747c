using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Functional.NN.Compute;

/// <summary>
/// Packs a strip of 16 columns of a transposed B (op(B)(p, j) = B[j][p], rows of B contiguous in p) for
/// <see cref="MicroKernel"/>: strip[p·16 + j] = source_j[p]. Sixteen rows of B are read 8 numbers at a time and turned
/// with two 8 x 8 register transposes, instead of one scattered store per number (the forward pass packs every
/// weight matrix this way at every step). Pure data movement: the numbers packed are the same either way.
/// </summary>
[SkipLocalsInit]
internal static unsafe class TransposedPacking
{
    /// <summary>Whether <see cref="Strip16"/> runs on this processor.</summary>
    public static bool Supported => Avx512F.IsSupported;

    /// <summary>
    /// strip[p·16 + j] = rows[j·rowStride + p] for j below 16 and p below <paramref name="kc"/> (all 16 rows exist).
    /// </summary>
    public static void Strip16(double* rows, long rowStride, int kc, double* strip)
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
