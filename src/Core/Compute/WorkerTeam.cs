namespace Functional.NN.Compute;

/// <summary>
/// A fixed team of background threads that run the parts of one parallel loop together with the calling
/// thread, for the short, frequent products of a training step. Between loops the workers keep spinning for a
/// while (as OpenMP and OpenBLAS threads do) so that the next loop starts in microseconds, then sleep until
/// there is work. A loop started while another caller is using the team, or from inside one of the team's own
/// loops, runs on the caller's thread alone.
/// </summary>
internal sealed class WorkerTeam
{
    /// <summary>Spin iterations (each a short pause) a worker waits for work before it sleeps.</summary>
    private const int SpinIterations = 20_000;

    private readonly object _gate = new();
    private readonly object _sleep = new();
    private Action<int>? _body;
    private int _parts;
    private int _generation;
    private int _remaining;
    private int _sleepers;
    private Exception? _failure;

    /// <summary>A team of <paramref name="workers"/> background threads (the caller is one more).</summary>
    public WorkerTeam(int workers)
    {
        Size = workers + 1;
        for (var i = 1; i <= workers; i++)
        {
            var index = i;
            new Thread(() => Work(index)) { IsBackground = true, Name = $"Functional.NN worker {index}" }.Start();
        }
    }

    /// <summary>Threads that run a loop: the workers and the caller.</summary>
    public int Size { get; }

    /// <summary>Runs <paramref name="body"/>(0..parts-1), part 0 on the calling thread, and returns when all are done.</summary>
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
            parts = Math.Min(parts, Size);
            _body = body;
            _parts = parts;
            _failure = null;
            Volatile.Write(ref _remaining, Size - 1);
            Interlocked.Increment(ref _generation);
            if (Volatile.Read(ref _sleepers) > 0)
                lock (_sleep) Monitor.PulseAll(_sleep);
            try
            {
                body(0);
            }
            finally
            {
                var spin = new SpinWait();
                while (Volatile.Read(ref _remaining) > 0) spin.SpinOnce(-1);
                _body = null;
            }
            if (_failure is { } failure) throw new AggregateException(failure);
        }
        finally
        {
            Monitor.Exit(_gate);
        }
    }

    private void Work(int index)
    {
        var seen = 0;
        while (true)
        {
            seen = WaitForGeneration(seen);
            try
            {
                if (index < _parts) _body!(index);
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref _failure, e, null);
            }
            Interlocked.Decrement(ref _remaining);
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
