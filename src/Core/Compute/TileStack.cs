namespace Functional.NN.Compute;

/// <summary>
/// Partial sums of equal-length blocks (a row of column sums, a block of a matrix product) combined as they
/// arrive into the pairwise tree of <see cref="BatchReduction"/>: a binary counter that merges the two newest
/// entries while they cover equal numbers of chunks, and at the end adds the rest right to left. Element-wise
/// additions only, so the bits do not depend on the vector width. Scratch that never leaves its caller.
/// </summary>
internal sealed class TileStack
{
    private readonly double[] _buffer;
    private readonly int[] _sizes;
    private readonly int _length;
    private int _top;

    /// <summary>A stack for blocks of <paramref name="length"/> numbers and at most <paramref name="leaves"/> pushes.</summary>
    public TileStack(int length, int leaves)
    {
        _length = length;
        var levels = 33 - int.LeadingZeroCount(Math.Max(1, leaves));
        _buffer = GC.AllocateUninitializedArray<double>(levels * length);
        _sizes = new int[levels];
    }

    /// <summary>The length of each block.</summary>
    public int Length => _length;

    /// <summary>The slot the next leaf is written into before <see cref="Push(int)"/>.</summary>
    public Span<double> Next() => _buffer.AsSpan(_top * _length, _length);

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

    /// <summary>The whole tree into <paramref name="total"/> (the remaining subtrees added right to left); the stack is empty afterwards.</summary>
    public void Total(Span<double> total)
    {
        if (_top == 0)
        {
            total[.._length].Clear();
            return;
        }
        for (var i = _top - 2; i >= 0; i--) Tensors.MatrixKernels.Add(Slot(i), Slot(i + 1));
        Slot(0).CopyTo(total);
        _top = 0;
    }

    private Span<double> Slot(int index) => _buffer.AsSpan(index * _length, _length);
}
