using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Functional.NN.Data;
using Functional.NN.Randomness;
using Xunit;

namespace Functional.NN.Tests.Data;

/// <summary>Shuffling and mini-batching: permutations, coverage, and determinism.</summary>
public sealed class ShuffleAndBatchProperties
{
    [Property]
    public Property Shuffle_is_a_permutation_that_keeps_examples_whole() =>
        Prop.ForAll(IndexedData.Epochs, c =>
        {
            var order = IndexedData.Indices(IndexedData.Of(c.Count).ShuffleForEpoch(c.Key, c.Epoch));
            return order.Order().SequenceEqual(Enumerable.Range(0, c.Count)).Label(string.Join(",", order));
        });

    [Property]
    public Property Same_key_and_epoch_give_the_same_order() =>
        Prop.ForAll(IndexedData.Epochs, c =>
        {
            var data = IndexedData.Of(c.Count);
            return data.ShuffleForEpoch(c.Key, c.Epoch) == data.ShuffleForEpoch(c.Key, c.Epoch)
                   && data.ShuffleForEpoch(c.Key, c.Epoch) == data.Shuffle(c.Key.Fold(c.Epoch));
        });

    [Property]
    public Property Kept_batches_cover_every_example_exactly_once_per_epoch() =>
        Prop.ForAll(IndexedData.Epochs, c =>
        {
            var batches = MiniBatches.ForEpoch(IndexedData.Of(c.Count), c.Key, c.Epoch, c.BatchSize, PartialBatch.Keep).ThrowIfFail();
            var seen = batches.SelectMany(IndexedData.Indices).ToArray();
            var sizes = batches.Select(b => b.Count).ToArray();
            var expectedLast = c.Count % c.BatchSize == 0 ? Math.Min(c.BatchSize, c.Count) : c.Count % c.BatchSize;
            return (seen.Order().SequenceEqual(Enumerable.Range(0, c.Count))
                    && sizes.SkipLast(1).All(s => s == c.BatchSize) && sizes[^1] == expectedLast
                    && batches.Length == (c.Count + c.BatchSize - 1) / c.BatchSize)
                .Label($"sizes {string.Join(",", sizes)}");
        });

    [Property]
    public Property Dropped_partial_batch_leaves_equal_batches_of_distinct_examples() =>
        Prop.ForAll(IndexedData.Epochs, c =>
        {
            var result = MiniBatches.ForEpoch(IndexedData.Of(c.Count), c.Key, c.Epoch, c.BatchSize, PartialBatch.Drop);
            if (c.Count < c.BatchSize) return result.IsFail.Label("no full batch must be an error");
            var batches = result.ThrowIfFail();
            var seen = batches.SelectMany(IndexedData.Indices).ToArray();
            return (batches.Length == c.Count / c.BatchSize && batches.All(b => b.Count == c.BatchSize)
                    && seen.Distinct().Count() == seen.Length).Label($"{batches.Length} batches");
        });

    [Fact]
    public void Epochs_have_different_orders_and_unshuffled_batches_keep_the_order()
    {
        var data = IndexedData.Of(20);
        var key = RandomKey.FromSeed(42);
        Assert.NotEqual(IndexedData.Indices(data.ShuffleForEpoch(key, 0)), IndexedData.Indices(data.ShuffleForEpoch(key, 1)));
        var batches = MiniBatches.Of(data, 8, PartialBatch.Keep).ThrowIfFail();
        Assert.Equal([8, 8, 4], batches.Select(b => b.Count));
        Assert.Equal(Enumerable.Range(0, 20), batches.SelectMany(IndexedData.Indices));
        Assert.Contains("at least 1, got 0", MiniBatches.Of(data, 0, PartialBatch.Keep).Match(_ => "", e => e.Message));
    }
}
