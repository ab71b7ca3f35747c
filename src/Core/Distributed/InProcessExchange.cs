namespace Functional.NN.Distributed;

/// <summary>
/// The table through which the threads of an <see cref="InProcessGroup"/> exchange data: one slot per rank and a
/// barrier that every collective operation passes twice (after writing, after reading), so that a slot is never
/// overwritten while another rank reads it. Cancelled for everyone when one rank fails.
/// </summary>
internal sealed class InProcessExchange(int size) : IDisposable
{
    private readonly Barrier _barrier = new(size);
    private readonly CancellationTokenSource _failed = new();
    private readonly Array?[] _slots = new Array?[size];

    /// <summary>Members of the group.</summary>
    public int Size { get; } = size;

    /// <summary>Puts a copy of <paramref name="data"/> in rank <paramref name="rank"/>'s slot.</summary>
    public void Post<T>(int rank, ReadOnlySpan<T> data) where T : unmanaged => _slots[rank] = data.ToArray();

    /// <summary>What rank <paramref name="rank"/> posted in this operation.</summary>
    public T[] Read<T>(int rank) where T : unmanaged =>
        _slots[rank] as T[] ?? throw new InvalidOperationException($"rank {rank} posted no {typeof(T).Name} data: the ranks called different collective operations");

    /// <summary>Waits until every rank has arrived; throws <see cref="OperationCanceledException"/> once a rank has failed.</summary>
    public void Wait() => _barrier.SignalAndWait(_failed.Token);

    /// <summary>Releases every rank waiting now or later.</summary>
    public void Fail() => _failed.Cancel();

    /// <inheritdoc />
    public void Dispose()
    {
        _barrier.Dispose();
        _failed.Dispose();
    }
}
