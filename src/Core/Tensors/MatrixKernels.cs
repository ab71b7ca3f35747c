using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Functional.NN.Tensors;

/// <summary>
/// Element-wise and reduction kernels on spans, vectorised. Each writes into a destination that the caller
/// owns and has just allocated (or that is the caller's own scratch); the order of operations is fixed, so
/// results are bit-identical from run to run. Matrix products live in <see cref="Compute.ComputeBackend"/>.
/// </summary>
internal static class MatrixKernels
{
    /// <summary>sums[n] = column sums of A[m x n], each in the batch order of <see cref="Compute.BatchReduction"/>.</summary>
    public static void ColumnSums<T>(ReadOnlySpan<T> a, Span<T> sums, int m, int n) where T : unmanaged, IFloatingPointIeee754<T> =>
        Compute.BatchReduction.ColumnSums(a, sums, m, n);

    /// <summary>
    /// The dot product of two spans of equal length, the same bits at every vector width: eight lanes, lane l
    /// summing x[i]·y[i] (a product, then an add) for i ≡ l (mod 8) below the last multiple of 8; the lanes
    /// combined as ((l0+l1)+(l2+l3))+((l4+l5)+(l6+l7)); then the remaining elements added in order.
    /// </summary>
    public static T Dot<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Span<T> lanes = stackalloc T[8];
        var full = x.Length / 8 * 8;
        if (Vector256.IsHardwareAccelerated && Vector256<T>.Count == 8)
        {
            Vector256<T> all = default;
            for (var i = 0; i < full; i += 8) all += Vector256.Create(x.Slice(i, 8)) * Vector256.Create(y.Slice(i, 8));
            all.CopyTo(lanes);
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            Vector256<T> low = default, high = default;
            for (var i = 0; i < full; i += 8)
            {
                low += Vector256.Create(x.Slice(i, 4)) * Vector256.Create(y.Slice(i, 4));
                high += Vector256.Create(x.Slice(i + 4, 4)) * Vector256.Create(y.Slice(i + 4, 4));
            }
            low.CopyTo(lanes);
            high.CopyTo(lanes[4..]);
        }
        else
        {
            lanes.Clear();
            for (var i = 0; i < full; i += 8)
                for (var l = 0; l < 8; l++) lanes[l] += x[i + l] * y[i + l];
        }
        var sum = ((lanes[0] + lanes[1]) + (lanes[2] + lanes[3])) + ((lanes[4] + lanes[5]) + (lanes[6] + lanes[7]));
        for (var i = full; i < x.Length; i++) sum += x[i] * y[i];
        return sum;
    }

    /// <summary>y += x.</summary>
    public static void Add<T>(Span<T> y, ReadOnlySpan<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated && y.Length >= Vector<T>.Count)
        {
            var vy = MemoryMarshal.Cast<T, Vector<T>>(y);
            var vx = MemoryMarshal.Cast<T, Vector<T>>(x);
            for (var v = 0; v < vy.Length; v++) vy[v] += vx[v];
            i = vy.Length * Vector<T>.Count;
        }
        for (; i < y.Length; i++) y[i] += x[i];
    }

    /// <summary>Lengths from which <see cref="SubtractScaled(ReadOnlySpan{double}, ReadOnlySpan{double}, double, Span{double})"/> writes around the caches.</summary>
    private const int StreamingLength = 1 << 15;

    /// <summary>result = p - η·g, element by element (result may be the memory of p or g).</summary>
    public static unsafe void SubtractScaled(ReadOnlySpan<double> p, ReadOnlySpan<double> g, double eta, Span<double> result)
    {
        var i = 0;
        if (Avx512F.IsSupported && p.Length >= StreamingLength)
        {
            // A large result is fresh memory that will not be read again this step: streaming stores skip
            // reading its cache lines first. The arithmetic is the same as below (no fused multiply-add).
            fixed (double* pp = p)
            fixed (double* pg = g)
            fixed (double* pr = result)
            {
                for (; i < p.Length && ((nint)(pr + i) & 63) != 0; i++) pr[i] = pp[i] - eta * pg[i];
                var ve = Vector512.Create(eta);
                for (; i + 8 <= p.Length; i += 8)
                    Avx512F.StoreAlignedNonTemporal(pr + i, Avx512F.Subtract(Avx512F.LoadVector512(pp + i), Avx512F.Multiply(ve, Avx512F.LoadVector512(pg + i))));
                for (; i < p.Length; i++) pr[i] = pp[i] - eta * pg[i];
                Sse.StoreFence();
            }
            return;
        }
        if (Vector.IsHardwareAccelerated && p.Length >= Vector<double>.Count)
        {
            var vp = MemoryMarshal.Cast<double, Vector<double>>(p);
            var vg = MemoryMarshal.Cast<double, Vector<double>>(g);
            var vr = MemoryMarshal.Cast<double, Vector<double>>(result);
            var ve = new Vector<double>(eta);
            for (var v = 0; v < vp.Length; v++) vr[v] = vp[v] - ve * vg[v];
            i = vp.Length * Vector<double>.Count;
        }
        for (; i < p.Length; i++) result[i] = p[i] - eta * g[i];
    }

    /// <summary>
    /// <see cref="SubtractScaled(ReadOnlySpan{double}, ReadOnlySpan{double}, double, Span{double})"/> split into
    /// contiguous chunks on the backend's threads when the arrays are large. Element-wise, so the numbers do not
    /// depend on the split.
    /// </summary>
    public static unsafe void SubtractScaled(ReadOnlySpan<double> p, ReadOnlySpan<double> g, double eta, Span<double> result, Compute.ComputeBackend backend)
    {
        const int ParallelLength = 1 << 16;
        var threads = backend.Threads;
        if (threads <= 1 || p.Length < ParallelLength)
        {
            SubtractScaled(p, g, eta, result);
            return;
        }
        var length = p.Length;
        fixed (double* pp = p)
        fixed (double* pg = g)
        fixed (double* pr = result)
        {
            var (ip, ig, ir) = ((nint)pp, (nint)pg, (nint)pr);
            backend.ParallelFor(threads, part =>
            {
                var from = (int)((long)length * part / threads);
                var count = (int)((long)length * (part + 1) / threads) - from;
                SubtractScaled(new ReadOnlySpan<double>((double*)ip + from, count), new ReadOnlySpan<double>((double*)ig + from, count),
                    eta, new Span<double>((double*)ir + from, count));
            });
        }
    }

    /// <summary>result = x ⊙ y.</summary>
    public static void Multiply<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> result) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated && x.Length >= Vector<T>.Count)
        {
            var vx = MemoryMarshal.Cast<T, Vector<T>>(x);
            var vy = MemoryMarshal.Cast<T, Vector<T>>(y);
            var vr = MemoryMarshal.Cast<T, Vector<T>>(result);
            for (var v = 0; v < vx.Length; v++) vr[v] = vx[v] * vy[v];
            i = vx.Length * Vector<T>.Count;
        }
        for (; i < x.Length; i++) result[i] = x[i] * y[i];
    }

    /// <summary>result = x · factor.</summary>
    public static void Scale<T>(ReadOnlySpan<T> x, T factor, Span<T> result) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated && x.Length >= Vector<T>.Count)
        {
            var vx = MemoryMarshal.Cast<T, Vector<T>>(x);
            var vr = MemoryMarshal.Cast<T, Vector<T>>(result);
            var vf = new Vector<T>(factor);
            for (var v = 0; v < vx.Length; v++) vr[v] = vx[v] * vf;
            i = vx.Length * Vector<T>.Count;
        }
        for (; i < x.Length; i++) result[i] = x[i] * factor;
    }

    /// <summary>Each row of the <c>[rows x bias.Length]</c> destination set to <paramref name="bias"/>.</summary>
    public static void FillRows<T>(ReadOnlySpan<T> bias, Span<T> destination, int rows)
    {
        for (var r = 0; r < rows; r++) bias.CopyTo(destination.Slice(r * bias.Length, bias.Length));
    }
}
