using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Functional.NN.Activations;
using Functional.NN.Data;
using Functional.NN.Losses;
using Functional.NN.Model;
using Functional.NN.Optimizers;
using Functional.NN.Randomness;
using Functional.NN.Tensors;
using Functional.NN.Tests.Data;
using Functional.NN.Training;
using Xunit;

namespace Functional.NN.Tests.Training;

/// <summary>The lazy batches of a plan hold the rows, order and numbers of the materialised batches of <see cref="MiniBatches.ForEpoch"/>.</summary>
public sealed class EpochBatchesProperties
{
    private static readonly Network Net =
        Network.Create(3, Loss.SoftmaxCrossEntropy, (4, Activation.Tanh), (2, Activation.Softmax)).ThrowIfFail();

    private static Arbitrary<((int Count, RandomKey Key, int Epoch, int BatchSize) Epoch, PartialBatch Partial, bool View)> Cases =>
        (from epoch in IndexedData.Epochs.Generator
         from partial in Gen.Elements(PartialBatch.Keep, PartialBatch.Drop)
         from view in Gen.Elements(true, false)
         select (epoch, partial, view)).ToArbitrary();

    [Property(MaxTest = 300)]
    public Property Lazy_batches_equal_the_materialised_batches() =>
        Prop.ForAll(Cases, c =>
        {
            var (count, key, epoch, batchSize) = c.Epoch;
            var data = Data(count, key, c.View);
            var plan = TrainingPlan.Create(Net, Optimizer.Sgd(0.1), data, key.Fold(7), batchSize, c.Partial);
            var materialised = MiniBatches.ForEpoch(Eager(data), key.Fold(7), epoch, batchSize, c.Partial);
            if (materialised.IsFail) return plan.IsFail.Label("no batch is an error in both");
            var expected = materialised.ThrowIfFail().Select(set => set.ToBatch(Net).ThrowIfFail()).ToArray();
            var lazy = plan.ThrowIfFail().BatchesOf(epoch);
            return (lazy.Count == expected.Length && plan.ThrowIfFail().BatchesPerEpoch == expected.Length
                    && lazy.SequenceEqual(expected) && Enumerable.Range(0, lazy.Count).All(b => lazy[b].Equals(expected[b])))
                .Label($"{lazy.Count} lazy batches, {expected.Length} materialised");
        });

    [Fact]
    public void Indices_outside_the_epoch_are_bugs()
    {
        var plan = TrainingPlan.Create(Net, Optimizer.Sgd(0.1), Data(10, RandomKey.FromSeed(1), view: true), RandomKey.FromSeed(2), 4).ThrowIfFail();
        var batches = plan.BatchesOf(0);
        Assert.Equal([4, 4, 2], batches.Select(b => b.Size));
        Assert.Equal(Enumerable.Range(0, 10), batches.Order.Order());
        Assert.Throws<ArgumentOutOfRangeException>(() => batches[3]);
        Assert.Throws<ArgumentOutOfRangeException>(() => batches[-1]);
    }

    /// <summary>Standardized random features with one-hot targets: a view over stored bytes, or the same numbers held in tensors.</summary>
    private static Dataset Data(int count, RandomKey key, bool view)
    {
        var pixels = Enumerable.Range(0, count * 3).Select(i => (byte)key.Below(i, 256)).ToArray();
        var targets = ClassLabels.OneHot(Enumerable.Range(0, count).Select(i => i % 2).ToArray(), 2).ThrowIfFail();
        var stored = FeatureRows.FromBytes([.. pixels], 0, count, 3, 255.0).ThrowIfFail();
        var all = Enumerable.Range(0, count).ToArray();
        var standardizer = Standardizer.Fit(stored, all);
        var data = Dataset.FromRows(stored, targets, all, standardizer).ThrowIfFail();
        return view ? data : Eager(data);
    }

    private static Dataset Eager(Dataset data) => Dataset.Create(data.Features, data.Targets).ThrowIfFail();
}
