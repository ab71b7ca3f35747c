using System.Numerics;
using Functional.NN.Data;
using Functional.NN.Model;
using Functional.NN.Optimizers;
using Functional.NN.Randomness;
using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Training;

/// <summary>
/// Everything that stays fixed during a mini-batch training run: the architecture, the optimizer, the
/// training data, the key that shuffles it each epoch, and how it is cut into batches. Together with a
/// <see cref="TrainingProgress"/> it determines every later step exactly.
/// </summary>
public sealed record TrainingPlan
{
    private TrainingPlan(Network network, GradientTransformation optimizer, Dataset data, RandomKey shuffleKey,
        int batchSize, PartialBatch partialBatch, int batchesPerEpoch)
    {
        Network = network;
        Optimizer = optimizer;
        Data = data;
        ShuffleKey = shuffleKey;
        BatchSize = batchSize;
        PartialBatch = partialBatch;
        BatchesPerEpoch = batchesPerEpoch;
    }

    /// <summary>The architecture being trained.</summary>
    public Network Network { get; }

    /// <summary>The optimizer, an Optax-style pair of pure functions.</summary>
    public GradientTransformation Optimizer { get; }

    /// <summary>The training examples (held, never copied: batches are gathered from them one at a time).</summary>
    public Dataset Data { get; }

    /// <summary>The key from which each epoch's order is derived (<see cref="Dataset.ShuffleForEpoch"/>).</summary>
    public RandomKey ShuffleKey { get; }

    /// <summary>Examples per batch.</summary>
    public int BatchSize { get; }

    /// <summary>Whether a smaller last batch is kept or dropped.</summary>
    public PartialBatch PartialBatch { get; }

    /// <summary>Number of steps in one epoch.</summary>
    public int BatchesPerEpoch { get; }

    /// <summary>A plan whose data fits the network and yields at least one batch per epoch.</summary>
    public static Fin<TrainingPlan> Create(Network network, GradientTransformation optimizer, Dataset data,
        RandomKey shuffleKey, int batchSize, PartialBatch partialBatch = PartialBatch.Keep)
    {
        if (data.FeatureCount != network.InputSize)
            return Error.New($"training data has {data.FeatureCount} features, the network expects {network.InputSize}");
        if (data.Targets.Columns != network.OutputSize)
            return Error.New($"training data has {data.Targets.Columns} target columns, the network has {network.OutputSize} outputs");
        return MiniBatches.Count(data.Count, batchSize, partialBatch).Map(count =>
            new TrainingPlan(network, optimizer, data, shuffleKey, batchSize, partialBatch, count));
    }

    /// <summary>
    /// The batches of epoch <paramref name="epoch"/>, in the order they are trained on: the examples in the order of
    /// <see cref="Dataset.ShuffleForEpoch"/>(<see cref="ShuffleKey"/>, epoch) cut as <see cref="MiniBatches.Of"/>
    /// cuts them. Lazy: each batch is gathered from <see cref="Data"/> when it is read, so an epoch never holds a
    /// shuffled copy of the data.
    /// </summary>
    public EpochBatches BatchesOf(int epoch) => BatchesOf<double>(epoch);

    /// <summary><see cref="BatchesOf(int)"/> with the batches in the element type <typeparamref name="T"/> (each number rounded once from the data set's).</summary>
    public EpochBatches<T> BatchesOf<T>(int epoch) where T : unmanaged, IFloatingPointIeee754<T> =>
        new(Network, Data, Sampling.Permutation(ShuffleKey.Fold(epoch), Data.Count), BatchSize, BatchesPerEpoch);
}
