namespace Functional.NN.Distributed;

/// <summary>
/// A group of <see cref="ICollective"/> members that are threads of this process: <see cref="Run{T}"/> runs one
/// function per rank, each on its own thread, and returns their results in rank order. The members exchange data
/// through a shared table of arrays and a barrier; when one member fails, the others stop at their next
/// collective operation (with <see cref="OperationCanceledException"/>) instead of waiting forever, and
/// <see cref="Run{T}"/> throws the first failure. Sums of <see cref="ICollective.AllReduceSum{T}"/> are in rank order.
/// </summary>
public static class InProcessGroup
{
    /// <summary>Runs <paramref name="body"/> on <paramref name="size"/> ranks at once, one thread each; the results in rank order.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="size"/> is below 1.</exception>
    public static IReadOnlyList<T> Run<T>(int size, Func<ICollective, T> body)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        ArgumentNullException.ThrowIfNull(body);
        using var shared = new InProcessExchange(size);
        var results = new T[size];
        var failures = new Exception?[size];
        var threads = Enumerable.Range(0, size).Select(rank => new Thread(() =>
        {
            try
            {
                results[rank] = body(new InProcessCollective(shared, rank));
            }
            catch (Exception e)
            {
                failures[rank] = e;
                shared.Fail();
            }
        }, 16 << 20) { IsBackground = true, Name = $"rank {rank}" }).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        var first = failures.Select((e, rank) => (e, rank)).FirstOrDefault(f => f.e is not null && f.e is not OperationCanceledException);
        if (first.e is not null) throw new AggregateException($"rank {first.rank} of {size} failed: {first.e.Message}", first.e);
        if (failures.FirstOrDefault(e => e is not null) is { } cancelled) throw new AggregateException("a rank was cancelled", cancelled);
        return results;
    }
}
