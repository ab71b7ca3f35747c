using Functional.NN.Distributed;
using Xunit;

namespace Functional.NN.Tests.Distributed;

/// <summary>The in-process collective's operations move the numbers they should, and a failing rank stops the others.</summary>
public sealed class InProcessCollectiveTests
{
    [Fact]
    public void All_gather_with_unequal_counts_gives_every_rank_the_ranks_data_in_rank_order()
    {
        var results = InProcessGroup.Run(3, c =>
        {
            int[] counts = [2, 0, 3];
            var mine = Enumerable.Range(0, counts[c.Rank]).Select(i => 10.0 * c.Rank + i).ToArray();
            var all = new double[5];
            c.AllGather<double>(mine, all, counts);
            return all;
        });
        Assert.All(results, all => Assert.Equal([0.0, 1.0, 20.0, 21.0, 22.0], all));
    }

    [Fact]
    public void Broadcast_gather_and_all_reduce_of_floats_and_doubles()
    {
        var results = InProcessGroup.Run(4, c =>
        {
            var data = new float[] { c.Rank, -c.Rank };
            c.Broadcast<float>(data, root: 2);
            var gathered = new double[8];
            c.Gather<double>([c.Rank + 0.5, c.Size], gathered, root: 1);
            var sum = new[] { 0.1 * c.Rank, 1.0 };
            c.AllReduceSum<double>(sum);
            c.Barrier();
            return (data, gathered, sum, c.Rank);
        });
        Assert.All(results, r => Assert.Equal([2f, -2f], r.data));
        Assert.Equal([0.5, 4, 1.5, 4, 2.5, 4, 3.5, 4], results[1].gathered);
        Assert.Equal(new double[8], results[0].gathered);
        Assert.All(results, r => Assert.Equal([0.0 + 0.1 + 0.2 + 0.30000000000000004, 4.0], r.sum));
    }

    [Fact]
    public void A_rank_that_fails_stops_the_others_instead_of_leaving_them_waiting()
    {
        var error = Assert.Throws<AggregateException>(() => InProcessGroup.Run(3, c =>
        {
            if (c.Rank == 1) throw new InvalidOperationException("rank 1 broke");
            c.Barrier();
            return 0;
        }));
        Assert.Contains("rank 1 of 3 failed: rank 1 broke", error.Message);
    }
}
