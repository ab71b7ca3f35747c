using System.Numerics;
using System.Runtime.InteropServices;

namespace Functional.NN.Tensors;

/// <summary>
/// Dense row-major matrix products on spans. Each writes into a destination that the caller owns and
/// has just allocated; the loop order is fixed, so results are bit-identical from run to run.
/// </summary>
internal static class MatrixKernels
{
    /// <summary>C[m x n] = A[m x k] · B[n x k]ᵀ (+ bias[n] on every row when given).</summary>
    public static void MultiplyTransposedB(
        ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> bias,
        Span<double> c, int m, int k, int n)
    {
        for (var i = 0; i < m; i++)
        {
            var row = a.Slice(i * k, k);
            for (var j = 0; j < n; j++)
                c[i * n + j] = Dot(row, b.Slice(j * k, k)) + (bias.IsEmpty ? 0.0 : bias[j]);
        }
    }

    /// <summary>C[m x n] = A[k x m]ᵀ · B[k x n].</summary>
    public static void MultiplyTransposedA(
        ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> c, int m, int k, int n)
    {
        c.Clear();
        for (var p = 0; p < k; p++)
        {
            var bRow = b.Slice(p * n, n);
            for (var i = 0; i < m; i++)
                AddScaled(c.Slice(i * n, n), a[p * m + i], bRow);
        }
    }

    /// <summary>C[m x n] = A[m x k] · B[k x n].</summary>
    public static void Multiply(
        ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> c, int m, int k, int n)
    {
        c.Clear();
        for (var i = 0; i < m; i++)
        {
            var cRow = c.Slice(i * n, n);
            for (var p = 0; p < k; p++)
                AddScaled(cRow, a[i * k + p], b.Slice(p * n, n));
        }
    }

    /// <summary>sums[n] = column sums of A[m x n].</summary>
    public static void ColumnSums(ReadOnlySpan<double> a, Span<double> sums, int m, int n)
    {
        sums.Clear();
        for (var i = 0; i < m; i++)
            AddScaled(sums, 1.0, a.Slice(i * n, n));
    }

    /// <summary>The dot product of two spans of equal length.</summary>
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var i = 0;
        var sum = 0.0;
        if (Vector.IsHardwareAccelerated && x.Length >= Vector<double>.Count)
        {
            var acc = Vector<double>.Zero;
            var vx = MemoryMarshal.Cast<double, Vector<double>>(x);
            var vy = MemoryMarshal.Cast<double, Vector<double>>(y);
            for (var v = 0; v < vx.Length; v++) acc += vx[v] * vy[v];
            sum = Vector.Sum(acc);
            i = vx.Length * Vector<double>.Count;
        }
        for (; i < x.Length; i++) sum += x[i] * y[i];
        return sum;
    }

    /// <summary>y += alpha · x.</summary>
    public static void AddScaled(Span<double> y, double alpha, ReadOnlySpan<double> x)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated && y.Length >= Vector<double>.Count)
        {
            var va = new Vector<double>(alpha);
            var vy = MemoryMarshal.Cast<double, Vector<double>>(y);
            var vx = MemoryMarshal.Cast<double, Vector<double>>(x);
            for (var v = 0; v < vy.Length; v++) vy[v] += va * vx[v];
            i = vy.Length * Vector<double>.Count;
        }
        for (; i < y.Length; i++) y[i] += alpha * x[i];
    }
}
