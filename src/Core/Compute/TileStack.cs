using System.Numerics;

namespace Functional.NN.Compute;

/// <summary>
/// Partial sums of equal-length blocks (a row of column sums, a block of a matrix product) combined as they
/// arrive into the pairwise tree of <see cref="BatchReduction"/>: a binary counter that merges the two newest
/// entries while they cover equal numbers of chunks, and at the end adds the rest right to left. Element-wise
/// additions only, so the bits do not depend on the vector width. Scratch that never leaves its caller.
/// </summary>
internal sealed class TileStack<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] _buffer;
    private readonly int[] _sizes;
    private readonly int _length;
    private int _top;

    /// <summary>A stack for blocks of <paramref name="length"/> numbers and at most <paramref name="leaves"/> pushes.</summary>
    public TileStack(int length, int leaves) : this(length, leaves, null) { }

    /// <summary>The same, in <paramref name="scratch"/> when it is long enough (see <see cref="BufferLength"/>).</summary>
    public TileStack(int length, int leaves, T[]? scratch)
    {
        _length = length;
        var levels = Levels(leaves);
        _buffer = scratch is not null && scratch.Length >= levels * length ? scratch : GC.AllocateUninitializedArray<T>(levels * length);
        _sizes = new int[levels];
    }

    /// <summary>The numbers a stack of blocks of <paramref name="length"/> and <paramref name="leaves"/> pushes needs.</summary>
    public static int BufferLength(int length, int leaves) => Levels(leaves) * length;

    private static int Levels(int leaves) => 33 - int.LeadingZeroCount(Math.Max(1, leaves));

    /// <summary>The length of each block.</summary>
    public int Length => _length;

    /// <summary>The slot the next leaf is written into before <see cref="Push(int)"/>.</summary>
    public Span<T> Next() => _buffer.AsSpan(_top * _length, _length);

    /// <summary>Takes the block written into <see cref="Next"/> as a subtree of <paramref name="chunks"/> chunks (a power of two, or the last).</summary>
    public void Push(int chunks = 1)
    {
        _sizes[_top++] = chunks;
        while (_top >= 2 && _sizes[_top - 1] == _sizes[_top - 2])
        {
            Tensors.MatrixKernels.Add(Slot(_top - 2), Slot(_top - 1));
            _sizes[_top - 2] *= 2;
            _top--;
        }
    }

    /// <summary>The whole tree into <paramref name="total"/>; the stack is empty afterwards.</summary>
    public void Total(Span<T> total) => Fold().CopyTo(total);

    /// <summary>
    /// The whole tree (the remaining subtrees added right to left) in the stack's own memory, valid until the
    /// next <see cref="Next"/>; the stack is empty afterwards.
    /// </summary>
    public ReadOnlySpan<T> Fold()
    {
        if (_top == 0)
        {
            Slot(0).Clear();
            return Slot(0);
        }
        for (var i = _top - 2; i >= 0; i--) Tensors.MatrixKernels.Add(Slot(i), Slot(i + 1));
        _top = 0;
        return Slot(0);
    }

    private Span<T> Slot(int index) => _buffer.AsSpan(index * _length, _length);
}
