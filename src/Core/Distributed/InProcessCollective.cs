using System.Numerics;

namespace Functional.NN.Distributed;

/// <summary>One rank of an <see cref="InProcessGroup"/>: every operation posts, waits, reads, waits.</summary>
internal sealed class InProcessCollective(InProcessExchange exchange, int rank) : ICollective
{
    /// <inheritdoc />
    public int Rank { get; } = rank;

    /// <inheritdoc />
    public int Size => exchange.Size;

    /// <inheritdoc />
    public void Barrier() => exchange.Wait();

    /// <inheritdoc />
    public void Broadcast<T>(Span<T> data, int root) where T : unmanaged
    {
        RequireRank(root);
        if (Rank == root) exchange.Post<T>(Rank, data);
        exchange.Wait();
        if (Rank != root) Copy(exchange.Read<T>(root), data, root);
        exchange.Wait();
    }

    /// <inheritdoc />
    public void Gather<T>(ReadOnlySpan<T> mine, Span<T> all, int root) where T : unmanaged
    {
        RequireRank(root);
        exchange.Post(Rank, mine);
        exchange.Wait();
        if (Rank == root)
            for (var r = 0; r < Size; r++) Copy(exchange.Read<T>(r), all.Slice(r * mine.Length, mine.Length), r);
        exchange.Wait();
    }

    /// <inheritdoc />
    public void AllGather<T>(ReadOnlySpan<T> mine, Span<T> all, ReadOnlySpan<int> counts) where T : unmanaged
    {
        if (counts.Length != Size || counts[Rank] != mine.Length)
            throw new ArgumentException($"AllGather: rank {Rank} of {Size} sends {mine.Length} elements, counts say {(counts.Length > Rank ? counts[Rank] : -1)} of {counts.Length} ranks");
        exchange.Post(Rank, mine);
        exchange.Wait();
        var at = 0;
        for (var r = 0; r < Size; r++)
        {
            Copy(exchange.Read<T>(r), all.Slice(at, counts[r]), r);
            at += counts[r];
        }
        exchange.Wait();
    }

    /// <inheritdoc />
    public void AllReduceSum<T>(Span<T> data) where T : unmanaged
    {
        exchange.Post<T>(Rank, data);
        exchange.Wait();
        if (typeof(T) == typeof(double)) Sum(System.Runtime.InteropServices.MemoryMarshal.Cast<T, double>(data));
        else if (typeof(T) == typeof(float)) Sum(System.Runtime.InteropServices.MemoryMarshal.Cast<T, float>(data));
        else if (typeof(T) == typeof(int)) Sum(System.Runtime.InteropServices.MemoryMarshal.Cast<T, int>(data));
        else throw new NotSupportedException($"AllReduceSum of {typeof(T).Name}");
        exchange.Wait();
    }

    /// <summary>data = slot 0 + slot 1 + ... in rank order.</summary>
    private void Sum<TNumber>(Span<TNumber> data) where TNumber : unmanaged, INumber<TNumber>
    {
        Copy(exchange.Read<TNumber>(0), data, 0);
        for (var r = 1; r < Size; r++)
        {
            var other = exchange.Read<TNumber>(r);
            for (var i = 0; i < data.Length; i++) data[i] += other[i];
        }
    }

    private static void Copy<T>(T[] posted, Span<T> into, int from)
    {
        if (posted.Length != into.Length)
            throw new ArgumentException($"rank {from} sent {posted.Length} elements where {into.Length} were expected");
        posted.CopyTo(into);
    }

    private void RequireRank(int root)
    {
        if (root < 0 || root >= Size) throw new ArgumentOutOfRangeException(nameof(root), $"root {root} is not a rank of a group of {Size}");
    }
}
