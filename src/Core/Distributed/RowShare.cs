using System.Collections.Immutable;
using Functional.NN.Compute;

namespace Functional.NN.Distributed;

/// <summary>
/// Which rows of a batch one rank of a group takes, and in which blocks it sums them. The batch's rows are cut into
/// the chunks of the canonical batch sum (<see cref="ChunkRows"/> rows each, the last one possibly shorter); rank r
/// of k takes the consecutive chunks <c>⌊r·n/k⌋ .. ⌊(r+1)·n/k⌋ - 1</c> of n, and sums them in blocks that are
/// subtrees of the canonical pairwise tree: aligned runs of 2^g chunks, as long as they fit. The blocks of all
/// ranks, in rank order, are the leaves and subtrees of that one tree, so combining them in that order gives the
/// bits of the whole batch's sum on one process. A pure function of the batch's rows, the rank and the group's size.
/// </summary>
/// <param name="BatchRows">Rows of the whole batch.</param>
/// <param name="From">The first row this rank takes.</param>
/// <param name="Rows">How many rows this rank takes (0 when the batch has fewer chunks than the group has ranks).</param>
/// <param name="Blocks">This rank's blocks, in order.</param>
public sealed record RowShare(int BatchRows, int From, int Rows, ImmutableArray<RowBlock> Blocks)
{
    /// <summary>Rows per chunk of the canonical batch sum (32).</summary>
    public const int ChunkRows = BatchReduction.ChunkRows;

    /// <summary>The share of rank <paramref name="rank"/> of <paramref name="size"/> in a batch of <paramref name="batchRows"/> rows.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When the rank is not in 0 .. size - 1 or the batch is empty.</exception>
    public static RowShare Of(int batchRows, int rank, int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchRows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(rank);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(rank, size);
        var chunks = BatchReduction.Chunks(batchRows);
        return OfChunks(batchRows, (int)((long)rank * chunks / size), (int)((long)(rank + 1) * chunks / size));
    }

    /// <summary>The chunks <paramref name="first"/> .. <paramref name="end"/> - 1 of a batch of <paramref name="batchRows"/> rows, in blocks.</summary>
    internal static RowShare OfChunks(int batchRows, int first, int end)
    {
        var blocks = ImmutableArray.CreateBuilder<RowBlock>();
        for (var at = first; at < end;)
        {
            var length = 1;
            while (at % (2 * length) == 0 && at + 2 * length <= end) length *= 2;
            var fromRow = at * ChunkRows;
            blocks.Add(new RowBlock(fromRow, Math.Min(batchRows, (at + length) * ChunkRows) - fromRow, length));
            at += length;
        }
        var from = Math.Min(batchRows, first * ChunkRows);
        return new RowShare(batchRows, from, Math.Min(batchRows, end * ChunkRows) - from, blocks.ToImmutable());
    }

    /// <summary>How many blocks each rank of a group of <paramref name="size"/> sums, in rank order.</summary>
    public static ImmutableArray<int> BlockCounts(int batchRows, int size) =>
        [.. Enumerable.Range(0, size).Select(r => Of(batchRows, r, size).Blocks.Length)];
}

/// <summary>A run of rows of a batch whose sum is one subtree of the canonical pairwise tree.</summary>
/// <param name="From">Its first row, in the whole batch.</param>
/// <param name="Rows">Its rows.</param>
/// <param name="Chunks">Its chunks, a power of two.</param>
public readonly record struct RowBlock(int From, int Rows, int Chunks);
