using Functional.NN.Experiments.Runs;
using LanguageExt;
using LanguageExt.Common;
using Xunit;

namespace Functional.NN.Tests.App.Runs;

/// <summary>The writes a training loop hands to the background: run in order, one at a time, their failures returned, none left running.</summary>
public class BackgroundWritesTests
{
    [Fact]
    public void Writes_run_one_at_a_time_in_the_order_they_were_started_and_the_last_file_named_is_remembered()
    {
        var order = new List<int>();
        var running = 0;
        var overlapped = false;
        var writes = new BackgroundWrites("resumed.ckpt");
        Assert.Equal("resumed.ckpt", writes.LastWritten);
        for (var i = 0; i < 6; i++)
        {
            var index = i;
            var started = writes.Start(() =>
            {
                overlapped |= Interlocked.Increment(ref running) > 1;
                Thread.Sleep(5);
                lock (order) order.Add(index);
                Interlocked.Decrement(ref running);
                return index % 2 == 0 ? Prelude.Some($"step-{index}.ckpt") : Option<string>.None;
            });
            Assert.True(started.IsSucc);
        }
        Assert.True(writes.Drain().IsSucc);
        Assert.Equal([0, 1, 2, 3, 4, 5], order);
        Assert.False(overlapped);
        Assert.Equal("step-4.ckpt", writes.LastWritten); // the best model (odd writes) names no file to remember
    }

    [Fact]
    public void At_most_two_writes_are_pending_when_another_starts()
    {
        using var gate = new ManualResetEventSlim(false);
        var writes = new BackgroundWrites(null);
        var finished = 0;
        Fin<Option<string>> Blocked()
        {
            gate.Wait();
            Interlocked.Increment(ref finished);
            return Option<string>.None;
        }
        writes.Start(Blocked);
        writes.Start(Blocked);
        using var thirdStarted = new ManualResetEventSlim(false);
        // A thread of its own: the pool's threads may all be taken by the two blocked writes.
        new Thread(() =>
        {
            writes.Start(Blocked);
            thirdStarted.Set();
        }).Start();
        Assert.False(thirdStarted.Wait(300)); // waits for the oldest of the two pending
        gate.Set();
        Assert.True(thirdStarted.Wait(10_000));
        Assert.True(writes.Drain().IsSucc);
        Assert.Equal(3, finished);
    }

    [Fact]
    public void A_failed_write_is_returned_by_the_next_start_which_then_writes_nothing_and_later_ones_are_still_waited_for()
    {
        var writes = new BackgroundWrites(null);
        var finished = new List<string>();
        // The first write is held until the third start, so that the second start cannot collect its failure first.
        using var gate = new ManualResetEventSlim(false);
        writes.Start(() =>
        {
            gate.Wait();
            return Error.New("checkpoints/step-1.ckpt: writing failed, the previous file (if any) is unchanged: disk full");
        });
        Assert.True(writes.Start(() =>
        {
            Thread.Sleep(50);
            lock (finished) finished.Add("second");
            return Prelude.Some("step-2.ckpt");
        }).IsSucc);
        gate.Set();
        var third = writes.Start(() =>
        {
            lock (finished) finished.Add("third");
            return Option<string>.None;
        });
        FinAssert.FailsWith(third, "step-1.ckpt: writing failed", "disk full");
        Assert.Equal(["second"], finished); // both earlier writes were waited for; the third never started
        Assert.Equal("step-2.ckpt", writes.LastWritten);
        Assert.True(writes.Drain().IsSucc);
    }

    [Fact]
    public void Drain_returns_the_first_failure_among_the_pending_writes()
    {
        var writes = new BackgroundWrites("a.ckpt");
        writes.Start(() => Error.New("first failure"));
        writes.Start(() => Error.New("second failure"));
        FinAssert.FailsWith(writes.Drain(), "first failure");
        Assert.Equal("a.ckpt", writes.LastWritten);
        Assert.True(writes.Drain().IsSucc); // nothing is left pending
    }
}
