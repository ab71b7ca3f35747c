using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Functional.NN.Compute;

/// <summary>
/// The innermost block of <see cref="PackedGemm"/>: C[Rows x Columns] += Ap · Bp for packed panels, with the
/// whole tile of C held in vector registers. Ap holds kc columns of <see cref="Rows"/> numbers, Bp kc rows of
/// <see cref="Columns"/> numbers. Each element is one fused multiply-add per p, in order, then added to C.
/// </summary>
internal static unsafe class MicroKernel
{
    /// <summary>Rows of the register tile.</summary>
    public const int Rows = 6;

    /// <summary>Columns of the register tile: two vectors wide.</summary>
    public static int Columns => Vector512.IsHardwareAccelerated ? 16 : Vector256.IsHardwareAccelerated ? 8 : 4;

    /// <summary>Adds Ap·Bp to the top-left <paramref name="rows"/> x <paramref name="columns"/> of the tile at <paramref name="c"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Run(int kc, double* ap, double* bp, double* c, int ldc, int rows, int columns)
    {
        if (Vector512.IsHardwareAccelerated) Run512(kc, ap, bp, c, ldc, rows, columns);
        else if (Vector256.IsHardwareAccelerated) Run256(kc, ap, bp, c, ldc, rows, columns);
        else RunScalar(kc, ap, bp, c, ldc, rows, columns);
    }

    private static void Run512(int kc, double* a, double* b, double* c, int ldc, int rows, int columns)
    {
        Vector512<double> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector512<double> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        for (var p = 0; p < kc; p++, a += 6, b += 16)
        {
            var b0 = Vector512.Load(b);
            var b1 = Vector512.Load(b + 8);
            var x = Vector512.Create(a[0]);
            c00 = Vector512.FusedMultiplyAdd(x, b0, c00); c01 = Vector512.FusedMultiplyAdd(x, b1, c01);
            x = Vector512.Create(a[1]);
            c10 = Vector512.FusedMultiplyAdd(x, b0, c10); c11 = Vector512.FusedMultiplyAdd(x, b1, c11);
            x = Vector512.Create(a[2]);
            c20 = Vector512.FusedMultiplyAdd(x, b0, c20); c21 = Vector512.FusedMultiplyAdd(x, b1, c21);
            x = Vector512.Create(a[3]);
            c30 = Vector512.FusedMultiplyAdd(x, b0, c30); c31 = Vector512.FusedMultiplyAdd(x, b1, c31);
            x = Vector512.Create(a[4]);
            c40 = Vector512.FusedMultiplyAdd(x, b0, c40); c41 = Vector512.FusedMultiplyAdd(x, b1, c41);
            x = Vector512.Create(a[5]);
            c50 = Vector512.FusedMultiplyAdd(x, b0, c50); c51 = Vector512.FusedMultiplyAdd(x, b1, c51);
        }
        if (rows == 6 && columns == 16)
        {
            Add(c, c00, c01); Add(c + ldc, c10, c11); Add(c + 2 * ldc, c20, c21);
            Add(c + 3 * ldc, c30, c31); Add(c + 4 * ldc, c40, c41); Add(c + 5 * ldc, c50, c51);
            return;
        }
        var tile = stackalloc double[6 * 16];
        c00.Store(tile); c01.Store(tile + 8); c10.Store(tile + 16); c11.Store(tile + 24);
        c20.Store(tile + 32); c21.Store(tile + 40); c30.Store(tile + 48); c31.Store(tile + 56);
        c40.Store(tile + 64); c41.Store(tile + 72); c50.Store(tile + 80); c51.Store(tile + 88);
        AddPart(tile, 16, c, ldc, rows, columns);

        static void Add(double* row, Vector512<double> left, Vector512<double> right)
        {
            (Vector512.Load(row) + left).Store(row);
            (Vector512.Load(row + 8) + right).Store(row + 8);
        }
    }

    private static void Run256(int kc, double* a, double* b, double* c, int ldc, int rows, int columns)
    {
        Vector256<double> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector256<double> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        for (var p = 0; p < kc; p++, a += 6, b += 8)
        {
            var b0 = Vector256.Load(b);
            var b1 = Vector256.Load(b + 4);
            var x = Vector256.Create(a[0]);
            c00 = Vector256.FusedMultiplyAdd(x, b0, c00); c01 = Vector256.FusedMultiplyAdd(x, b1, c01);
            x = Vector256.Create(a[1]);
            c10 = Vector256.FusedMultiplyAdd(x, b0, c10); c11 = Vector256.FusedMultiplyAdd(x, b1, c11);
            x = Vector256.Create(a[2]);
            c20 = Vector256.FusedMultiplyAdd(x, b0, c20); c21 = Vector256.FusedMultiplyAdd(x, b1, c21);
            x = Vector256.Create(a[3]);
            c30 = Vector256.FusedMultiplyAdd(x, b0, c30); c31 = Vector256.FusedMultiplyAdd(x, b1, c31);
            x = Vector256.Create(a[4]);
            c40 = Vector256.FusedMultiplyAdd(x, b0, c40); c41 = Vector256.FusedMultiplyAdd(x, b1, c41);
            x = Vector256.Create(a[5]);
            c50 = Vector256.FusedMultiplyAdd(x, b0, c50); c51 = Vector256.FusedMultiplyAdd(x, b1, c51);
        }
        if (rows == 6 && columns == 8)
        {
            Add(c, c00, c01); Add(c + ldc, c10, c11); Add(c + 2 * ldc, c20, c21);
            Add(c + 3 * ldc, c30, c31); Add(c + 4 * ldc, c40, c41); Add(c + 5 * ldc, c50, c51);
            return;
        }
        var tile = stackalloc double[6 * 8];
        c00.Store(tile); c01.Store(tile + 4); c10.Store(tile + 8); c11.Store(tile + 12);
        c20.Store(tile + 16); c21.Store(tile + 20); c30.Store(tile + 24); c31.Store(tile + 28);
        c40.Store(tile + 32); c41.Store(tile + 36); c50.Store(tile + 40); c51.Store(tile + 44);
        AddPart(tile, 8, c, ldc, rows, columns);

        static void Add(double* row, Vector256<double> left, Vector256<double> right)
        {
            (Vector256.Load(row) + left).Store(row);
            (Vector256.Load(row + 4) + right).Store(row + 4);
        }
    }

    private static void RunScalar(int kc, double* a, double* b, double* c, int ldc, int rows, int columns)
    {
        var tile = stackalloc double[6 * 4];
        new Span<double>(tile, 24).Clear();
        for (var p = 0; p < kc; p++, a += 6, b += 4)
            for (var i = 0; i < 6; i++)
                for (var j = 0; j < 4; j++)
                    tile[i * 4 + j] = Math.FusedMultiplyAdd(a[i], b[j], tile[i * 4 + j]);
        AddPart(tile, 4, c, ldc, rows, columns);
    }

    private static void AddPart(double* tile, int width, double* c, int ldc, int rows, int columns)
    {
        for (var i = 0; i < rows; i++)
            for (var j = 0; j < columns; j++)
                c[i * ldc + j] += tile[i * width + j];
    }
}
