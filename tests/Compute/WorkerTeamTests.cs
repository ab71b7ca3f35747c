using Functional.NN.Compute;
using Xunit;

namespace Functional.NN.Tests.Compute;

/// <summary>The backends' thread team runs every part of a loop exactly once, reports failures, and shares itself safely.</summary>
public sealed class WorkerTeamTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public void Every_part_runs_exactly_once(int parts)
    {
        var counts = new int[parts];
        for (var loop = 0; loop < 200; loop++)
            Backends.Managed3.ParallelFor(parts, part => Interlocked.Increment(ref counts[part]));
        Assert.All(counts, count => Assert.Equal(200, count));
    }

    [Fact]
    public void A_failing_part_surfaces_on_the_caller_and_the_team_keeps_working()
    {
        var team = new WorkerTeam(2);
        var error = Assert.Throws<AggregateException>(() =>
            team.Run(3, part => { if (part == 2) throw new InvalidOperationException("part 2 failed"); }));
        Assert.Equal("part 2 failed", error.InnerException!.Message);
        var ran = new int[3];
        team.Run(3, part => ran[part] = 1);
        Assert.Equal([1, 1, 1], ran);
    }

    [Fact]
    public void Concurrent_callers_each_get_all_their_parts()
    {
        var team = new WorkerTeam(1);
        var totals = new long[4];
        Parallel.For(0, totals.Length, new ParallelOptions { MaxDegreeOfParallelism = totals.Length }, caller =>
        {
            for (var loop = 0; loop < 500; loop++)
                team.Run(2, part => Interlocked.Add(ref totals[caller], part + 1));
        });
        Assert.All(totals, total => Assert.Equal(500 * 3, total));
    }

    [Fact]
    public void A_loop_nested_in_a_part_runs_inline_and_completes()
    {
        var team = new WorkerTeam(1);
        var inner = new int[2, 3];
        team.Run(2, outer => team.Run(3, part => inner[outer, part]++));
        Assert.Equal(new[,] { { 1, 1, 1 }, { 1, 1, 1 } }, inner);
    }

    [Fact]
    public void Parts_go_to_whichever_thread_is_free()
    {
        // Part 0 is long; the other parts are claimed by the free threads, the caller included, and all run once.
        var team = new WorkerTeam(1);
        var ran = new int[6];
        var caller = Environment.CurrentManagedThreadId;
        var byCaller = 0;
        team.Run(6, part =>
        {
            if (part == 0) Thread.Sleep(100);
            Interlocked.Increment(ref ran[part]);
            if (Environment.CurrentManagedThreadId == caller) Interlocked.Increment(ref byCaller);
        });
        Assert.All(ran, count => Assert.Equal(1, count));
        Assert.InRange(byCaller, 1, 6);
    }

    [Fact]
    public void A_worker_woken_from_sleep_takes_its_part()
    {
        var team = new WorkerTeam(1);
        team.Run(2, _ => { });
        // Long enough for the worker to stop spinning and sleep.
        Thread.Sleep(300);
        // Each part long enough for the woken worker to claim the second while the caller runs the first
        // (a worker that has not woken by the time the caller is free would leave both to the caller).
        var threads = new int[2];
        team.Run(2, part =>
        {
            threads[part] = Environment.CurrentManagedThreadId;
            Thread.Sleep(200);
        });
        Assert.NotEqual(threads[0], threads[1]);
    }
}
