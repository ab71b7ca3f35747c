using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Functional.NN.Activations;
using Functional.NN.Data;
using Functional.NN.Losses;
using Functional.NN.Model;
using Functional.NN.Optimizers;
using Functional.NN.Optimizers.Elementwise;
using Functional.NN.Randomness;
using Functional.NN.Tensors;
using Functional.NN.Training;

namespace Functional.NN.Tests.Training;

/// <summary>
/// A batch gathered into a training loop's recycled arrays (<c>EpochBatches.Gather</c>, what <c>fnn train</c> runs)
/// holds the bits of the batch the indexer builds, for data held as doubles and for standardized byte rows (the
/// Fashion-MNIST path), whatever stale numbers the recycled arrays held before.
/// </summary>
public sealed class RecycledBatchProperties
{
    [Property(MaxTest = 100)]
    public Property Gathered_batches_equal_indexed_batches() =>
        Prop.ForAll(
            (from rows in Gen.Choose(3, 40)
             from columns in Gen.Choose(1, 5)
             from size in Gen.Choose(1, 9)
             from pixels in Gen.Choose(0, 255).Select(b => (byte)b).ArrayOf(rows * columns)
             from bytes in Gen.Elements(true, false)
             from seed in Gen.Choose(0, 1000)
             select (rows, columns, size, pixels, bytes, seed)).ToArbitrary(),
            c =>
            {
                var network = Network.Create(c.columns, Loss.SoftmaxCrossEntropy, (2, Activation.Softmax)).ThrowIfFail();
                var targets = Tensor.Build(c.rows, 2, (r, k) => (r + k) % 2);
                var all = Enumerable.Range(0, c.rows).ToArray();
                var data = c.bytes
                    ? Dataset.FromRows(FeatureRows.FromBytes([.. c.pixels], 0, c.rows, c.columns, 255.0).ThrowIfFail(), targets, all,
                        Standardizer.Fit(FeatureRows.FromBytes([.. c.pixels], 0, c.rows, c.columns, 255.0).ThrowIfFail(), all)).ThrowIfFail()
                    : Dataset.Create(Tensor.Build(c.rows, c.columns, (r, k) => c.pixels[r * c.columns + k] - 100.5), targets).ThrowIfFail();
                var plan = TrainingPlan.Create(network, Optimizer.Sgd(0.1), data, RandomKey.FromSeed((ulong)c.seed), c.size).ThrowIfFail();
                var arrays = StepArrays.Recycling();
                var equal = true;
                for (var epoch = 0; epoch < 3; epoch++)
                {
                    var batches = plan.BatchesOf(epoch);
                    for (var b = 0; b < batches.Count; b++)
                    {
                        var gathered = batches.Gather(b, arrays);
                        var indexed = batches[b];
                        equal &= gathered.Inputs.ToArray().SequenceEqual(indexed.Inputs.ToArray())
                                 && gathered.Targets.ToArray().SequenceEqual(indexed.Targets.ToArray())
                                 && (gathered.Inputs.Rows, gathered.Inputs.Columns) == (indexed.Inputs.Rows, indexed.Inputs.Columns);
                        arrays.StepEnded();
                    }
                }
                return equal;
            });
}
