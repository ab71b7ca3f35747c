using System.Numerics;
using System.Collections;
using System.Collections.Immutable;
using Functional.NN.Data;
using Functional.NN.Model;
using Functional.NN.Optimizers.Elementwise;

namespace Functional.NN.Training;

/// <summary>
/// The batches of one epoch of a <see cref="TrainingPlan"/>, gathered one at a time when asked for: batch b holds
/// the examples at positions <c>b·size .. b·size + size - 1</c> of the epoch's order (<see cref="Order"/>), in that
/// order, the last one smaller when the plan keeps a partial batch. The same rows and numbers as
/// <see cref="MiniBatches.ForEpoch"/>, without a shuffled copy of the data set: only the batch asked for is
/// copied, each time it is asked for.
/// </summary>
/// <typeparam name="T">The element type of the batches, <see cref="double"/> or <see cref="float"/>.</typeparam>
public sealed class EpochBatches<T> : IReadOnlyList<Batch<T>> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Network _network;
    private readonly Dataset _data;
    private readonly int _batchSize;

    internal EpochBatches(Network network, Dataset data, ImmutableArray<int> order, int batchSize, int count)
    {
        _network = network;
        _data = data;
        Order = order;
        _batchSize = batchSize;
        Count = count;
    }

    /// <summary>The epoch's order of the examples: position i holds the row of the data set trained on i-th.</summary>
    public ImmutableArray<int> Order { get; }

    /// <summary>Number of batches in the epoch.</summary>
    public int Count { get; }

    /// <summary>Batch <paramref name="index"/> of the epoch (0-based), a new batch holding copies of its rows.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When the index is not in <c>0 .. Count-1</c>.</exception>
    public Batch<T> this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            var start = index * _batchSize;
            var rows = Order.Slice(start, Math.Min(_batchSize, Order.Length - start));
            return _data.TakeRows(rows).ToBatch<T>(_network).ThrowIfFail();
        }
    }

    /// <summary>Rows <paramref name="from"/> .. from + count - 1 of batch <paramref name="index"/>, gathered alone (null when count is 0).</summary>
    internal Batch<T>? Rows(int index, int from, int count) => Rows(index, from, count, StepArrays.Fresh);

    /// <summary>Rows <paramref name="from"/> .. from + count - 1 of batch <paramref name="index"/>, gathered into arrays from <paramref name="arrays"/> (null when count is 0).</summary>
    internal Batch<T>? Rows(int index, int from, int count, StepArrays arrays) =>
        count == 0 ? null : _data.GatherBatch<T>(Order.Slice(index * _batchSize + from, count), arrays.Take<T>);

    /// <summary>Batch <paramref name="index"/>, gathered into arrays from <paramref name="arrays"/> (a training loop's recycled memory).</summary>
    internal Batch<T> Gather(int index, StepArrays arrays) => Rows(index, 0, RowsOf(index), arrays)!;

    /// <summary>Rows in batch <paramref name="index"/>.</summary>
    internal int RowsOf(int index) => Math.Min(_batchSize, Order.Length - index * _batchSize);

    /// <summary>The batches in training order, each gathered when the enumeration reaches it.</summary>
    public IEnumerator<Batch<T>> GetEnumerator()
    {
        for (var b = 0; b < Count; b++) yield return this[b];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
