using System.Collections.Immutable;
using Functional.NN.Randomness;
using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Data;

/// <summary>Splitting a dataset into mini-batches, in order or shuffled per epoch.</summary>
public static class MiniBatches
{
    /// <summary>
    /// Consecutive batches of <paramref name="batchSize"/> examples in the dataset's order; the last one is
    /// smaller or dropped according to <paramref name="partial"/>. An error when the batch size is below 1, or
    /// when dropping would leave no batch at all.
    /// </summary>
    public static Fin<ImmutableArray<Dataset>> Of(Dataset data, int batchSize, PartialBatch partial) =>
        Count(data.Count, batchSize, partial).Map(count =>
        {
            var batches = ImmutableArray.CreateBuilder<Dataset>(count);
            for (var b = 0; b < count; b++)
            {
                var start = b * batchSize;
                var size = Math.Min(batchSize, data.Count - start);
                batches.Add(data.TakeRows(Enumerable.Range(start, size).ToArray()));
            }
            return batches.MoveToImmutable();
        });

    /// <summary>
    /// How many batches <see cref="Of"/> cuts <paramref name="examples"/> examples into, without cutting them: the
    /// same errors for a batch size below 1 or when dropping would leave no batch at all.
    /// </summary>
    public static Fin<int> Count(int examples, int batchSize, PartialBatch partial)
    {
        if (batchSize < 1) return Error.New($"mini-batches: the batch size must be at least 1, got {batchSize}");
        var count = partial == PartialBatch.Drop ? examples / batchSize : (examples + batchSize - 1) / batchSize;
        return count == 0
            ? Error.New($"mini-batches: {examples} examples make no full batch of {batchSize}, and the partial batch is dropped")
            : count;
    }

    /// <summary>
    /// The batches of epoch <paramref name="epoch"/>: the examples in the order of
    /// <see cref="Dataset.ShuffleForEpoch"/>(key, epoch), then split by <see cref="Of"/>. The same key and
    /// epoch always give the same batches; each epoch has its own order.
    /// </summary>
    public static Fin<ImmutableArray<Dataset>> ForEpoch(Dataset data, RandomKey key, int epoch, int batchSize, PartialBatch partial) =>
        Of(data.ShuffleForEpoch(key, epoch), batchSize, partial);
}
