namespace Functional.NN.Compute;

/// <summary>
/// A fixed team of background threads that run the parts of one parallel loop together with the calling
/// thread, for the short, frequent products of a training step. Every thread, the caller included, claims the
/// next unclaimed part until none is left, so a worker that the operating system has not scheduled yet (on a
/// machine shared with other jobs) never holds the loop up: the caller runs its part too. Which thread runs a
/// part never changes a result (parts are whole outputs). Between loops the workers keep spinning for a while
/// (as OpenMP and OpenBLAS threads do) so that the next loop starts in microseconds, then sleep until there is
/// work. A loop started while another caller is using the team, or from inside one of the team's own loops,
/// runs on the caller's thread alone.
/// </summary>
internal sealed class WorkerTeam
{
    /// <summary>Spin iterations (each a short pause) a worker waits for work before it sleeps.</summary>
    private const int SpinIterations = 20_000;

    private readonly object _gate = new();
    private readonly object _sleep = new();
    private Loop? _loop;
    private int _generation;
    private int _sleepers;

    /// <summary>One loop's parts: the next to claim, how many are finished, the first failure.</summary>
    private sealed class Loop(Action<int> body, int parts)
    {
        public readonly Action<int> Body = body;
        public readonly int Parts = parts;
        public int Next;
        public int Finished;
        public Exception? Failure;

        /// <summary>Claims and runs parts until none is left.</summary>
        public void Help()
        {
            int part;
            while ((part = Interlocked.Increment(ref Next) - 1) < Parts)
            {
                try
                {
                    Body(part);
                }
                catch (Exception e)
                {
                    Interlocked.CompareExchange(ref Failure, e, null);
                }
                Interlocked.Increment(ref Finished);
            }
        }
    }

    /// <summary>A team of <paramref name="workers"/> background threads (the caller is one more).</summary>
    public WorkerTeam(int workers)
    {
        Size = workers + 1;
        for (var i = 1; i <= workers; i++)
        {
            var index = i;
            new Thread(Work) { IsBackground = true, Name = $"Functional.NN worker {index}" }.Start();
        }
    }

    /// <summary>Threads that run a loop: the workers and the caller.</summary>
    public int Size { get; }

    /// <summary>Runs <paramref name="body"/>(0..parts-1) on the caller and the workers, and returns when all are done.</summary>
    public void Run(int parts, Action<int> body)
    {
        // Inline when the team is busy with another caller's loop, or when this is a loop nested in one of ours.
        if (parts <= 1 || Monitor.IsEntered(_gate) || !Monitor.TryEnter(_gate))
        {
            for (var part = 0; part < parts; part++) body(part);
            return;
        }
        try
        {
            var loop = new Loop(body, parts);
            Volatile.Write(ref _loop, loop);
            Interlocked.Increment(ref _generation);
            if (Volatile.Read(ref _sleepers) > 0)
                lock (_sleep) Monitor.PulseAll(_sleep);
            loop.Help();
            // Only parts already claimed (and so running) are waited for.
            var spin = new SpinWait();
            while (Volatile.Read(ref loop.Finished) < parts) spin.SpinOnce(-1);
            Volatile.Write(ref _loop, null);
            if (loop.Failure is { } failure) throw new AggregateException(failure);
        }
        finally
        {
            Monitor.Exit(_gate);
        }
    }

    private void Work()
    {
        var seen = 0;
        while (true)
        {
            seen = WaitForGeneration(seen);
            // A loop that has already ended has no parts left to claim.
            Volatile.Read(ref _loop)?.Help();
        }
    }

    private int WaitForGeneration(int seen)
    {
        for (var i = 0; i < SpinIterations; i++)
        {
            var now = Volatile.Read(ref _generation);
            if (now != seen) return now;
            Thread.SpinWait(20);
        }
        lock (_sleep)
        {
            Interlocked.Increment(ref _sleepers);
            int current;
            while ((current = Volatile.Read(ref _generation)) == seen) Monitor.Wait(_sleep);
            Interlocked.Decrement(ref _sleepers);
            return current;
        }
    }
}
