using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Functional.NN.Distributed;
using Xunit;

namespace Functional.NN.Tests.Distributed;

/// <summary><see cref="RowShare"/>: the ranks' rows tile the batch in rank order, and every block is an aligned power-of-two run of chunks.</summary>
public sealed class RowShareProperties
{
    [Property(MaxTest = 300)]
    public Property The_ranks_tile_the_batch_in_aligned_blocks(PositiveInt rows, PositiveInt ranks)
    {
        var n = 1 + (rows.Get - 1) % 2000;
        var k = 1 + (ranks.Get - 1) % 64;
        var shares = Enumerable.Range(0, k).Select(r => RowShare.Of(n, r, k)).ToList();
        var blocks = shares.SelectMany(s => s.Blocks).ToList();
        var tiled = blocks.Select((b, i) => b.From == (i == 0 ? 0 : blocks[i - 1].From + blocks[i - 1].Rows)).All(x => x)
                    && blocks.Sum(b => b.Rows) == n;
        var aligned = blocks.All(b => int.IsPow2(b.Chunks) && b.From % (32 * b.Chunks) == 0 && b.Rows <= 32 * b.Chunks && b.Rows > 32 * (b.Chunks - 1));
        var sharesMatch = shares.All(s => s.Rows == s.Blocks.Sum(b => b.Rows) && (s.Blocks.Length == 0 || s.Blocks[0].From == s.From));
        var balanced = shares.Max(s => s.Rows) - shares.Min(s => s.Rows) <= 32 + 31;
        return (tiled && aligned && sharesMatch && balanced).Label($"{n} rows on {k} ranks: {string.Join("; ", shares)}");
    }

    [Fact]
    public void Two_ranks_of_a_batch_of_128_take_one_block_of_64_rows_each()
    {
        Assert.Equal([new RowBlock(0, 64, 2)], RowShare.Of(128, 0, 2).Blocks.ToArray());
        Assert.Equal([new RowBlock(64, 64, 2)], RowShare.Of(128, 1, 2).Blocks.ToArray());
        Assert.Equal([new RowBlock(64, 36, 2)], RowShare.Of(100, 1, 2).Blocks.ToArray());
        Assert.Equal([new RowBlock(32, 32, 1), new RowBlock(64, 32, 1)], RowShare.Of(96, 1, 2).Blocks.ToArray());
        Assert.Equal(0, RowShare.Of(40, 2, 4).Rows);
        Assert.Equal((32, 8), (RowShare.Of(40, 3, 4).From, RowShare.Of(40, 3, 4).Rows));
        Assert.Equal([0, 1, 0, 1], RowShare.BlockCounts(40, 4).ToArray());
    }
}
