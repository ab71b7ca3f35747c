using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Functional.NN.Compute;
using Functional.NN.Distributed;
using Functional.NN.Model;
using Functional.NN.Optimizers;
using Functional.NN.Tensors;
using Functional.NN.Tests.Compute;
using Functional.NN.Tests.Optimizers;
using Functional.NN.Tests.Properties;
using Functional.NN.Training;

namespace Functional.NN.Tests.Distributed;

/// <summary>
/// The data-parallel step on k in-process ranks gives, on every rank, the bits of the one-process
/// <see cref="TrainingStep"/> on the whole batch (k ranks x b rows = 1 rank x kb rows): the loss, the parameters and
/// the optimizer state, over several steps, for every optimizer, clipping and schedule, on one and two threads per
/// rank. Gradient accumulation over micro-batches gives the bits of one batch of them.
/// </summary>
[Properties(Arbitrary = [typeof(Arbitraries)], MaxTest = 25)]
public sealed class DataParallelProperties
{
    /// <summary>Every optimizer case, masks, clipping first (element-wise) and later (tree by tree), schedules, an opaque transformation.</summary>
    internal static IReadOnlyList<GradientTransformation> Optimizers(Network network) =>
    [
        .. OptimizerCase.All.Select(c => c.Transformation),
        Transform.Chain(Transform.Freeze(ParameterMask.Biases(network)), Optimizer.Sgd(0.1)),
        Transform.Chain(Transform.ScaleByAdam(), Transform.ClipByGlobalNorm(0.01), Transform.ScaleByLearningRate(0.1)),
        Transform.Chain(Transform.ClipByGlobalNorm(0.05), Transform.ScaleByMomentum(0.9, nesterov: true), Transform.AddDecayedWeights(0.1),
            Transform.ScaleByLearningRate(Schedule.Exponential(0.1, 0.5))),
        Transform.Chain(Transform.ClipByGlobalNorm(0.5), Transform.ScaleByAdam(),
            Transform.ScaleByLearningRate(Schedule.CosineDecay(0.01, 3, 0.1))),
        new("opaque rmsprop", Optimizer.RmsProp(0.01).Init, Optimizer.RmsProp(0.01).Update),
    ];

    [Property]
    public Property K_ranks_of_b_rows_give_the_bits_of_one_rank_of_kb_rows(Case c, PositiveInt ranks, PositiveInt rowsPerRank, bool twoThreads)
    {
        var k = 1 + (ranks.Get - 1) % 4;
        var b = 1 + (rowsPerRank.Get - 1) % 80;
        var usable = c.Network.Loss.SplitsByRows;
        var batch = Widen(c.Batch, k * b);
        var backend = twoThreads ? Backends.Managed2 : Backends.Managed1;
        return (!usable || Optimizers(c.Network).All(o => SameAsOneProcess(backend, c.Network, o, c.Parameters, batch, k, steps: 2)))
            .Label($"{k} ranks x {b} rows differ from one process");
    }

    [Property]
    public Property Accumulating_micro_batches_gives_the_bits_of_one_batch(Case c, PositiveInt count, PositiveInt chunks, PositiveInt lastRows)
    {
        var m = 1 + (count.Get - 1) % 4;
        var rows = 32 * (1 + (chunks.Get - 1) % 3);
        var last = 1 + (lastRows.Get - 1) % 70;
        var whole = Widen(c.Batch, (m - 1) * rows + last);
        var micro = Enumerable.Range(0, m).Select(i => Slice(whole, i * rows, i == m - 1 ? last : rows)).ToList();
        return (!c.Network.Loss.SplitsByRows || Optimizers(c.Network).All(o =>
        {
            var state = o.Init(c.Parameters);
            var one = TrainingStep.Run(Backends.Managed1, c.Network, o, c.Parameters, state, whole);
            var accumulated = GradientAccumulation.Run(Backends.Managed1, c.Network, o, c.Parameters, state, micro);
            return Same(one, accumulated);
        })).Label($"{m} micro-batches ({rows} rows, the last {last}) differ from one batch");
    }

    /// <summary>Runs <paramref name="steps"/> steps on one process and on <paramref name="k"/> in-process ranks; true when every rank agrees bit for bit at every step.</summary>
    internal static bool SameAsOneProcess(ComputeBackend backend, Network network, GradientTransformation optimizer, Parameters parameters,
        Batch batch, int k, int steps)
    {
        var reference = new List<StepResult>();
        var (p, s) = (parameters, optimizer.Init(parameters));
        for (var i = 0; i < steps; i++)
        {
            var r = TrainingStep.Run(Backends.Managed1, network, optimizer, p, s, batch);
            reference.Add(r);
            (p, s) = (r.Parameters, r.OptimizerState);
        }
        var ranks = InProcessGroup.Run(k, collective =>
        {
            var mine = new List<StepResult>();
            var share = RowShare.Of(batch.Size, collective.Rank, collective.Size);
            var own = DataParallelStep.Rows(batch, share);
            var (q, t) = (parameters, optimizer.Init(parameters));
            for (var i = 0; i < steps; i++)
            {
                var r = DataParallelStep.Run(backend, collective, network, optimizer, q, t, own, batch.Size);
                mine.Add(r);
                (q, t) = (r.Parameters, r.OptimizerState);
            }
            return mine;
        });
        return ranks.All(rank => rank.Zip(reference, Same).All(same => same));
    }

    internal static bool Same(StepResult a, StepResult b) =>
        a.Loss.Equals(b.Loss) && a.Parameters.ContentHash() == b.Parameters.ContentHash() &&
        a.OptimizerState.ContentHash() == b.OptimizerState.ContentHash();

    /// <summary><paramref name="rows"/> rows: the case's rows over and over, the inputs of each repeat scaled a little differently.</summary>
    internal static Batch Widen(Batch batch, int rows) => Batch.FromTrusted(
        Tensor.Build(rows, batch.Inputs.Columns, (r, j) => batch.Inputs[r % batch.Size, j] * (1.0 + 0.013 * (r / batch.Size)) - 0.001 * (r % 7)),
        Tensor.Build(rows, batch.Targets.Columns, (r, j) => batch.Targets[r % batch.Size, j]));

    private static Batch Slice(Batch batch, int from, int rows) =>
        DataParallelStep.Rows(batch, new RowShare(batch.Size, from, rows, [])) ?? throw new ArgumentException("empty slice");
}
