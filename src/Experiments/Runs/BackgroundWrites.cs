using LanguageExt;

namespace Functional.NN.Experiments.Runs;

/// <summary>
/// The files a training loop writes while it goes on training (checkpoints, <c>best.fnn</c>), written on a
/// background thread one after another in the order they were started, as Orbax's asynchronous checkpointing
/// does: the disk flush of each atomic write no longer holds up the next steps. The caller encodes the bytes
/// before it starts a write, so nothing the loop changes afterwards (the trainer recycles the arrays of old
/// states) can reach a file. Each write's result is collected in order, at the latest by <see cref="Drain"/>,
/// which the loop calls on every way out; the first failure is returned there, and fails the run as a failed
/// synchronous write did. At most <see cref="MaxInFlight"/> writes are pending, so their bytes cannot pile up.
/// </summary>
internal sealed class BackgroundWrites
{
    /// <summary>Writes started and not yet collected, beyond which <see cref="Start"/> waits for the oldest.</summary>
    public const int MaxInFlight = 2;

    private readonly Queue<Task<Fin<Option<string>>>> _inFlight = new();
    private Task _tail = Task.CompletedTask;

    /// <param name="lastWritten">The newest file a write has returned so far (the checkpoint a run resumed from), or null.</param>
    public BackgroundWrites(string? lastWritten) => LastWritten = lastWritten;

    /// <summary>The file named by the newest collected write that returned one (a checkpoint), or the one given at the start.</summary>
    public string? LastWritten { get; private set; }

    /// <summary>
    /// Starts <paramref name="write"/> after every write started before it, having collected those that are done
    /// (and waited for the oldest while <see cref="MaxInFlight"/> are pending); the first failure among them, if any,
    /// in which case <paramref name="write"/> is not started.
    /// </summary>
    /// <param name="write">The write: the file to remember in <see cref="LastWritten"/> (none for a file not to remember), or the error.</param>
    public Fin<Unit> Start(Func<Fin<Option<string>>> write)
    {
        var collected = Collect(MaxInFlight - 1);
        if (collected.IsFail) return collected;
        var next = _tail.ContinueWith(_ => write(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        _tail = next;
        _inFlight.Enqueue(next);
        return Prelude.unit;
    }

    /// <summary>Waits for every pending write; the first failure among them, if any.</summary>
    public Fin<Unit> Drain() => Collect(0);

    private Fin<Unit> Collect(int pendingAllowed)
    {
        Fin<Unit> outcome = Prelude.unit;
        while (_inFlight.Count > 0 && (outcome.IsFail || _inFlight.Count > pendingAllowed || _inFlight.Peek().IsCompleted))
        {
            // Once one write failed, the later ones are still waited for, so that none is left running when the run ends.
            var result = _inFlight.Dequeue().GetAwaiter().GetResult();
            if (result.IsSucc)
                foreach (var file in result.ThrowIfFail()) LastWritten = file;
            else if (outcome.IsSucc) outcome = result.Map(_ => Prelude.unit);
        }
        return outcome;
    }
}
