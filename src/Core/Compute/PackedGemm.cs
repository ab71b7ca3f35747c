namespace Functional.NN.Compute;

/// <summary>
/// C += op(A) · op(B) in the manner of GotoBLAS/BLIS: the k dimension in blocks of <see cref="KC"/>; for each,
/// a panel of op(B) is packed into strips <see cref="MicroKernel.Columns"/> wide and a block of op(A) into
/// strips <see cref="MicroKernel.Rows"/> high, so the <see cref="MicroKernel"/> reads both contiguously from
/// cache. Packing handles the transposes. The packing buffers are scratch that never leaves the call.
/// Every element of C receives, for each k block in order, the fused sum of that block: the same operations
/// whatever the split into threads.
/// </summary>
internal static unsafe class PackedGemm
{
    private const int KC = 256;
    private const int MC = 96;
    private const int NC = 256;

    /// <summary>C[m x n] += op(A) · op(B), split into <paramref name="parts"/> blocks run by <paramref name="parallelFor"/>.</summary>
    public static void Multiply(bool transposeA, bool transposeB, int m, int n, int k,
        ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> c, int parts, Action<int, Action<int>> parallelFor)
    {
        var layout = new Layout(transposeA, transposeB, m, n, k);
        fixed (double* pa = a)
        fixed (double* pb = b)
        fixed (double* pc = c)
        {
            if (parts <= 1)
            {
                Block(layout, pa, pb, pc, 0, m, 0, n);
                return;
            }
            // Split the longer side of C into blocks whose edges fall on whole register tiles.
            var splitColumns = n >= m;
            var (length, unit) = splitColumns ? (n, MicroKernel.Columns) : (m, MicroKernel.Rows);
            var tiles = (length + unit - 1) / unit;
            parts = Math.Min(parts, tiles);
            var (ia, ib, ic) = ((nint)pa, (nint)pb, (nint)pc);
            parallelFor(parts, part =>
            {
                var from = Math.Min(length, (int)((long)tiles * part / parts) * unit);
                var to = Math.Min(length, (int)((long)tiles * (part + 1) / parts) * unit);
                if (splitColumns) Block(layout, (double*)ia, (double*)ib, (double*)ic, 0, m, from, to);
                else Block(layout, (double*)ia, (double*)ib, (double*)ic, from, to, 0, n);
            });
        }
    }

    /// <summary>Strides: op(A)(i,p) = a[i*RowA + p*ColA], op(B)(p,j) = b[p*RowB + j*ColB]; C has n columns.</summary>
    private readonly record struct Layout(int RowA, int ColA, int RowB, int ColB, int N, int K)
    {
        public Layout(bool transposeA, bool transposeB, int m, int n, int k)
            : this(transposeA ? 1 : k, transposeA ? m : 1, transposeB ? 1 : n, transposeB ? k : 1, n, k) { }
    }

    private static void Block(Layout l, double* a, double* b, double* c, int i0, int i1, int j0, int j1)
    {
        int mr = MicroKernel.Rows, nr = MicroKernel.Columns;
        var kcMax = Math.Min(KC, l.K);
        var ncMax = Math.Min(NC, RoundUp(j1 - j0, nr));
        var mcMax = Math.Min(MC, RoundUp(i1 - i0, mr));
        var packedB = GC.AllocateUninitializedArray<double>(kcMax * ncMax + 8);
        var packedA = GC.AllocateUninitializedArray<double>(kcMax * mcMax + 8);
        fixed (double* bufferB = packedB)
        fixed (double* bufferA = packedA)
        {
            // 64-byte alignment of the packed panels for aligned vector loads.
            var pb = Align(bufferB);
            var pa = Align(bufferA);
            for (var jc = j0; jc < j1; jc += NC)
            {
                var nc = Math.Min(NC, j1 - jc);
                for (var pc = 0; pc < l.K; pc += KC)
                {
                    var kc = Math.Min(KC, l.K - pc);
                    PackB(l, b, pb, pc, kc, jc, nc, nr);
                    for (var ic = i0; ic < i1; ic += MC)
                    {
                        var mc = Math.Min(MC, i1 - ic);
                        PackA(l, a, pa, ic, mc, pc, kc, mr);
                        for (var jr = 0; jr < nc; jr += nr)
                        {
                            var columns = Math.Min(nr, nc - jr);
                            for (var ir = 0; ir < mc; ir += mr)
                                MicroKernel.Run(kc, pa + ir * kc, pb + jr * kc,
                                    c + (long)(ic + ir) * l.N + jc + jr, l.N, Math.Min(mr, mc - ir), columns);
                        }
                    }
                }
            }
        }
    }

    /// <summary>Packs op(A)[ic..ic+mc, pc..pc+kc] into strips of mr rows: strip s, column p at s*kc*mr + p*mr.</summary>
    private static void PackA(Layout l, double* a, double* packed, int ic, int mc, int pc, int kc, int mr)
    {
        for (var ir = 0; ir < mc; ir += mr)
        {
            var rows = Math.Min(mr, mc - ir);
            var strip = packed + ir * kc;
            if (l.ColA == 1)
            {
                for (var i = 0; i < rows; i++)
                {
                    var source = a + (long)(ic + ir + i) * l.RowA + pc;
                    for (var p = 0; p < kc; p++) strip[p * mr + i] = source[p];
                }
            }
            else
            {
                for (var p = 0; p < kc; p++)
                {
                    var source = a + (long)(pc + p) * l.ColA + ic + ir;
                    for (var i = 0; i < rows; i++) strip[p * mr + i] = source[i];
                }
            }
            for (var i = rows; i < mr; i++)
                for (var p = 0; p < kc; p++) strip[p * mr + i] = 0.0;
        }
    }

    /// <summary>Packs op(B)[pc..pc+kc, jc..jc+nc] into strips of nr columns: strip s, row p at s*kc*nr + p*nr.</summary>
    private static void PackB(Layout l, double* b, double* packed, int pc, int kc, int jc, int nc, int nr)
    {
        for (var jr = 0; jr < nc; jr += nr)
        {
            var columns = Math.Min(nr, nc - jr);
            var strip = packed + jr * kc;
            if (l.ColB == 1)
            {
                for (var p = 0; p < kc; p++)
                {
                    var source = b + (long)(pc + p) * l.RowB + jc + jr;
                    var target = strip + p * nr;
                    var j = 0;
                    for (; j < columns; j++) target[j] = source[j];
                    for (; j < nr; j++) target[j] = 0.0;
                }
            }
            else
            {
                for (var j = 0; j < columns; j++)
                {
                    var source = b + (long)(jc + jr + j) * l.ColB + pc;
                    for (var p = 0; p < kc; p++) strip[p * nr + j] = source[p];
                }
                for (var j = columns; j < nr; j++)
                    for (var p = 0; p < kc; p++) strip[p * nr + j] = 0.0;
            }
        }
    }

    private static int RoundUp(int value, int unit) => (value + unit - 1) / unit * unit;

    private static double* Align(double* p) => (double*)(((nint)p + 63) & ~(nint)63);
}
