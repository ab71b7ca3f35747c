using System.Numerics;

namespace Functional.NN.Compute;

/// <summary>
/// C += op(A) · op(B) in the manner of GotoBLAS/BLIS, in doubles or in floats: the k dimension in blocks of
/// <see cref="KC"/>; for each, a panel of op(B) is packed into strips <see cref="MicroKernel.Columns{T}"/> wide, which the
/// <see cref="MicroKernel"/> reads contiguously from cache; it broadcasts the numbers of op(A) from where they lie
/// (a broadcast costs the same from any address), so A is never copied. The packing buffer is per-thread scratch.
/// <para>
/// The arithmetic of each element of C is fixed by the shapes alone. A sum over features (A not transposed):
/// for each k block of <see cref="KC"/> in order, one fused multiply-add chain from +0, added to C. A sum over
/// the batch (A transposed, k = rows of the stored A): the chunk chains and pairwise tree of
/// <see cref="BatchReduction"/> (a k block is an aligned group of <see cref="KC"/>/32 chunks, an exact subtree),
/// the total added to C. Threads split C into blocks, never k.
/// </para>
/// </summary>
internal static unsafe class PackedGemm
{
    /// <summary>The k block: the length of one chain of a sum over features. Changing it changes the bits.</summary>
    public const int KC = 256;

    // Rows of C per pass over a packed panel of B; no effect on the bits. 288 measured fastest of 96..1032 on the
    // infer shape (1024x256x784: 85 against 37 GFLOP/s at 96, best of 25, Zen 5); the training shapes fit one block.
    private const int MC = 288;
    private const int NC = 256;

    /// <summary>
    /// C[m x n] += op(A) · op(B) at <paramref name="width"/>, or C = op(A) · op(B) when <paramref name="overwrite"/>
    /// (C's old contents never read), split into <paramref name="parts"/> blocks run by <paramref name="parallelFor"/>.
    /// </summary>
    public static void Multiply<T>(KernelWidth width, bool transposeA, bool transposeB, int m, int n, int k,
        ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, int parts, Action<int, Action<int>> parallelFor, bool overwrite = false)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        // Writing a sum where +0 + sum would have been stored gives the same bits: a chain or tree that starts from +0 never ends at -0.
        if (overwrite && k == 0) c[..(m * n)].Clear();
        var layout = new Layout(width, transposeA, transposeB, m, n, k, overwrite);
        fixed (T* pa = a)
        fixed (T* pb = b)
        fixed (T* pc = c)
        {
            if (parts <= 1)
            {
                Block(layout, pa, pb, pc, 0, m, 0, n);
                return;
            }
            // Split the longer side of C into blocks whose edges fall on whole register tiles.
            var splitColumns = n >= m;
            var (length, unit) = splitColumns ? (n, MicroKernel.Columns<T>(width)) : (m, MicroKernel.Rows);
            var tiles = (length + unit - 1) / unit;
            parts = Math.Min(parts, tiles);
            var (ia, ib, ic) = ((nint)pa, (nint)pb, (nint)pc);
            parallelFor(parts, part =>
            {
                var from = Math.Min(length, (int)((long)tiles * part / parts) * unit);
                var to = Math.Min(length, (int)((long)tiles * (part + 1) / parts) * unit);
                if (splitColumns) Block(layout, (T*)ia, (T*)ib, (T*)ic, 0, m, from, to);
                else Block(layout, (T*)ia, (T*)ib, (T*)ic, from, to, 0, n);
            });
        }
    }

    /// <summary>Strides: op(A)(i,p) = a[i*RowA + p*ColA], op(B)(p,j) = b[p*RowB + j*ColB]; C has n columns.</summary>
    private readonly record struct Layout(KernelWidth Width, bool Batch, int RowA, int ColA, int RowB, int ColB, int N, int K, bool Overwrite)
    {
        public Layout(KernelWidth width, bool transposeA, bool transposeB, int m, int n, int k, bool overwrite)
            : this(width, transposeA, transposeA ? 1 : k, transposeA ? m : 1, transposeB ? 1 : n, transposeB ? k : 1, n, k, overwrite) { }
    }

    private static void Block<T>(Layout l, T* a, T* b, T* c, int i0, int i1, int j0, int j1) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int mr = MicroKernel.Rows, nr = MicroKernel.Columns<T>(l.Width);
        var kcMax = Math.Min(KC, l.K);
        var ncMax = Math.Min(NC, RoundUp(j1 - j0, nr));
        var pb = PackingBuffer<T>.ForThisThread(kcMax * ncMax);
        // A batch sum longer than one k block: each block's subtree goes to its own partial, the partials to the tree.
        TileStack<T>? blocks = null;
        if (l.Batch && l.K > KC)
        {
            var (length, leaves) = ((i1 - i0) * ncMax, (l.K + KC - 1) / KC);
            blocks = new TileStack<T>(length, leaves, PackingBuffer<T>.PartialsForThisThread(TileStack<T>.BufferLength(length, leaves)));
        }
        for (var jc = j0; jc < j1; jc += NC)
        {
            var nc = Math.Min(NC, j1 - jc);
            for (var pc = 0; pc < l.K; pc += KC)
            {
                var kc = Math.Min(KC, l.K - pc);
                PackB(l, b, pb, pc, kc, jc, nc, nr);
                var partial = blocks is null ? default : blocks.Next();
                partial.Clear();
                var store = l.Overwrite && pc == 0;
                fixed (T* target = partial)
                {
                    var to = target == null ? c + jc : target - (long)i0 * nc;
                    var ldt = target == null ? l.N : nc;
                    for (var ic = i0; ic < i1; ic += MC)
                    {
                        var mc = Math.Min(MC, i1 - ic);
                        for (var jr = 0; jr < nc; jr += nr)
                        {
                            var columns = Math.Min(nr, nc - jr);
                            for (var ir = 0; ir < mc; ir += mr)
                            {
                                var tile = to + (long)(ic + ir) * ldt + jr;
                                var rows = Math.Min(mr, mc - ir);
                                var strip = Strip<T>.Of(a + (long)(ic + ir) * l.RowA + (long)pc * l.ColA, l.ColA, l.RowA, rows);
                                if (l.Batch) MicroKernel.RunBatch(l.Width, kc, strip, pb + jr * kc, tile, ldt, rows, columns, store);
                                else MicroKernel.Run(l.Width, kc, strip, pb + jr * kc, tile, ldt, rows, columns, store);
                            }
                        }
                    }
                }
                blocks?.Push(BatchReduction.Chunks(kc));
            }
            if (blocks is not null) AddTotal(blocks, c, l.N, i0, i1, jc, nc, l.Overwrite);
        }
    }

    /// <summary>C[i0..i1, jc..jc+nc] += (or, overwriting, =) the tree of the k blocks' partials.</summary>
    private static void AddTotal<T>(TileStack<T> blocks, T* c, int ldc, int i0, int i1, int jc, int nc, bool overwrite)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var total = blocks.Fold();
        for (var i = i0; i < i1; i++)
        {
            var row = new Span<T>(c + (long)i * ldc + jc, nc);
            if (overwrite) total.Slice((i - i0) * nc, nc).CopyTo(row);
            else Tensors.MatrixKernels.Add(row, total.Slice((i - i0) * nc, nc));
        }
    }

    /// <summary>Packs op(B)[pc..pc+kc, jc..jc+nc] into strips of nr columns: strip s, row p at s*kc*nr + p*nr.</summary>
    private static void PackB<T>(Layout l, T* b, T* packed, int pc, int kc, int jc, int nc, int nr) where T : unmanaged
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
                    new ReadOnlySpan<T>(source, columns).CopyTo(new Span<T>(target, columns));
                    if (columns < nr) new Span<T>(target + columns, nr - columns).Clear();
                }
            }
            else if (columns == nr && TransposedPacking.Supports<T>(nr))
                TransposedPacking.Strip(b + (long)(jc + jr) * l.ColB + pc, l.ColB, kc, strip, nr);
            else
            {
                for (var j = 0; j < columns; j++)
                {
                    var source = b + (long)(jc + jr + j) * l.ColB + pc;
                    for (var p = 0; p < kc; p++) strip[p * nr + j] = source[p];
                }
                for (var j = columns; j < nr; j++)
                    for (var p = 0; p < kc; p++) strip[p * nr + j] = default;
            }
        }
    }

    private static int RoundUp(int value, int unit) => (value + unit - 1) / unit * unit;
}
