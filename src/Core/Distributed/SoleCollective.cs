namespace Functional.NN.Distributed;

/// <summary>
/// The group of one process: rank 0 of 1. Every operation copies its input to its output; nothing waits. What a
/// program uses when it was not started by an MPI launcher, so that one code path serves both.
/// </summary>
public sealed class SoleCollective : ICollective
{
    /// <summary>The one member.</summary>
    public static SoleCollective Instance { get; } = new();

    private SoleCollective() { }

    /// <inheritdoc />
    public int Rank => 0;

    /// <inheritdoc />
    public int Size => 1;

    /// <inheritdoc />
    public void Barrier() { }

    /// <inheritdoc />
    public void Broadcast<T>(Span<T> data, int root) where T : unmanaged => RequireRoot(root);

    /// <inheritdoc />
    public void Gather<T>(ReadOnlySpan<T> mine, Span<T> all, int root) where T : unmanaged
    {
        RequireRoot(root);
        mine.CopyTo(all);
    }

    /// <inheritdoc />
    public void AllGather<T>(ReadOnlySpan<T> mine, Span<T> all, ReadOnlySpan<int> counts) where T : unmanaged
    {
        if (counts.Length != 1 || counts[0] != mine.Length)
            throw new ArgumentException($"AllGather: one rank sends {mine.Length} elements, counts give {counts.Length} ranks");
        mine.CopyTo(all);
    }

    /// <inheritdoc />
    public void AllReduceSum<T>(Span<T> data) where T : unmanaged { }

    private static void RequireRoot(int root)
    {
        if (root != 0) throw new ArgumentOutOfRangeException(nameof(root), $"root {root} is not a rank of a group of 1");
    }
}
