using Functional.NN.Compute;
using Functional.NN.Model;
using Functional.NN.Optimizers;
using Functional.NN.Optimizers.Elementwise;
using Functional.NN.Passes;
using Functional.NN.Tensors;
using Functional.NN.Training;
using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Distributed;

/// <summary>
/// The training step of <see cref="TrainingStep"/> with the batch split by rows across the members of an
/// <see cref="ICollective"/>, bit for bit the one-process step on the whole batch, on every member: each rank runs
/// the forward and backward pass on its own rows (<see cref="RowShare"/>) and sums them into blocks that are
/// subtrees of the canonical batch sum (<see cref="BlockPartials"/>); one <see cref="ICollective.AllGather{T}"/>
/// brings every block to every rank; each rank combines them in the canonical pairwise tree (the loss with them)
/// and runs the optimizer, clipping included, on the same gradients. So every rank holds the same parameters and
/// optimizer state after every step, equal to the one-process run's, for any number of ranks and threads.
/// On one rank it is <see cref="TrainingStep.Run{T}(Network, GradientTransformation, Parameters{T}, OptimizerState, Batch{T})"/>.
/// </summary>
public static class DataParallelStep
{
    /// <summary>
    /// Why <paramref name="network"/> cannot be trained split across <paramref name="size"/> ranks, or unit: a custom
    /// loss sees only the rows it is given (its mean would be over one rank's rows), so it needs one rank.
    /// </summary>
    public static Fin<Unit> Supports(Network network, int size) =>
        size == 1 || network.Loss.SplitsByRows
            ? Prelude.unit
            : Error.New($"loss '{network.Loss.Name}': a custom loss cannot be split by rows across {size} ranks; " +
                        "train it on one rank, or use a built-in loss");

    /// <summary>
    /// One step on a batch of <paramref name="batchRows"/> rows of which this rank holds <paramref name="ownRows"/>,
    /// the rows of <see cref="RowShare.Of"/>(batchRows, rank, size) (null when that share is empty). Every rank of
    /// <paramref name="collective"/> must call it with the same parameters, state and batch size.
    /// </summary>
    /// <exception cref="ArgumentException">The rows are not this rank's share, the parameters do not fit, or the loss cannot be split (<see cref="Supports"/>).</exception>
    public static StepResult Run(ICollective collective, Network network, GradientTransformation optimizer, Parameters parameters,
        OptimizerState state, Batch? ownRows, int batchRows) =>
        Run(ComputeBackend.Current, collective, network, optimizer, parameters, state, ownRows, batchRows);

    /// <summary>
    /// One step on <paramref name="batch"/>, the whole batch (every rank passes the same one; each uses only its
    /// share of the rows). Prefer the overload that takes only this rank's rows when the rows are read from disk.
    /// </summary>
    public static StepResult Run(ICollective collective, Network network, GradientTransformation optimizer, Parameters parameters,
        OptimizerState state, Batch batch)
    {
        ArgumentNullException.ThrowIfNull(collective);
        ArgumentNullException.ThrowIfNull(batch);
        var share = RowShare.Of(batch.Size, collective.Rank, collective.Size);
        return Run(collective, network, optimizer, parameters, state, Rows(batch, share), batch.Size);
    }

    /// <summary><see cref="Run(ICollective, Network, GradientTransformation, Parameters, OptimizerState, Batch?, int)"/> on a given backend.</summary>
    internal static StepResult Run(ComputeBackend backend, ICollective collective, Network network, GradientTransformation optimizer,
        Parameters parameters, OptimizerState state, Batch? ownRows, int batchRows) =>
        Run(backend, collective, network, optimizer, parameters, state, ownRows, batchRows, StepArrays.Fresh);

    /// <summary>The step with the new parameters and moments written into arrays from <paramref name="arrays"/> (see <see cref="StepArrays"/>).</summary>
    internal static StepResult Run(ComputeBackend backend, ICollective collective, Network network, GradientTransformation optimizer,
        Parameters parameters, OptimizerState state, Batch? ownRows, int batchRows, StepArrays arrays)
    {
        ArgumentNullException.ThrowIfNull(collective);
        var share = RowShare.Of(batchRows, collective.Rank, collective.Size);
        if ((ownRows?.Size ?? 0) != share.Rows)
            throw new ArgumentException($"rank {collective.Rank} of {collective.Size} takes rows {share.From}..{share.From + share.Rows - 1} " +
                                        $"of a batch of {batchRows}, got {ownRows?.Size ?? 0} rows");
        if (collective.Size == 1) return TrainingStep.Run(backend, network, optimizer, parameters, state, ownRows!, arrays);
        Supports(network, collective.Size).IfFail(e => throw new ArgumentException(e.Message));
        var layout = GradientLayout.Of(network);
        var stride = layout.Length + 1;
        using var scratch = new ScratchBuffers<double>();
        var mine = scratch.Rent(Math.Max(1, share.Blocks.Length * stride));
        if (ownRows is not null) BlockPartials.Compute(backend, network, parameters, ownRows, share, layout, mine);
        var shares = Enumerable.Range(0, collective.Size).Select(r => RowShare.Of(batchRows, r, collective.Size)).ToArray();
        var counts = shares.Select(s => s.Blocks.Length * stride).ToArray();
        var all = scratch.Rent(counts.Sum());
        collective.AllGather<double>(mine.AsSpan(0, counts[collective.Rank]), all.AsSpan(0, counts.Sum()), counts);
        var loss = Combine(all, shares.SelectMany(s => s.Blocks), stride)[layout.Length] / network.Loss.Divisor(batchRows, network.OutputSize);
        var (next, nextState) = Apply(backend, optimizer, parameters, state, layout.Split(all.AsMemory(0, layout.Length)), arrays);
        return new StepResult(loss, next, nextState);
    }

    /// <summary>
    /// The blocks of <paramref name="partials"/> (one per entry of <paramref name="blocks"/>, in batch order,
    /// <paramref name="stride"/> numbers each) combined in the canonical pairwise tree, in place: a binary counter over
    /// the blocks' own slots (the right subtree added into the left one when both cover equal numbers of chunks, the
    /// rest right to left at the end). The total ends in the first slot, which is returned.
    /// </summary>
    internal static Span<double> Combine(Span<double> partials, IEnumerable<RowBlock> blocks, int stride)
    {
        Span<int> slots = stackalloc int[34];
        Span<int> sizes = stackalloc int[34];
        var top = 0;
        var next = 0;
        foreach (var block in blocks)
        {
            slots[top] = next++;
            sizes[top++] = block.Chunks;
            while (top >= 2 && sizes[top - 1] == sizes[top - 2])
            {
                MatrixKernels.Add(partials.Slice(slots[top - 2] * stride, stride), partials.Slice(slots[top - 1] * stride, stride));
                sizes[top - 2] *= 2;
                top--;
            }
        }
        for (var i = top - 2; i >= 0; i--)
            MatrixKernels.Add(partials.Slice(slots[i] * stride, stride), partials.Slice(slots[i + 1] * stride, stride));
        return partials[..stride];
    }

    /// <summary>The optimizer's step on gradients given one memory per tensor, as the one-process step runs it.</summary>
    internal static (Parameters Parameters, OptimizerState State) Apply(ComputeBackend backend, GradientTransformation optimizer,
        Parameters parameters, OptimizerState state, ReadOnlyMemory<double>[] gradients, StepArrays arrays) =>
        optimizer.Elementwise is { } elementwise
            ? ElementwisePass.Step(backend, elementwise, parameters, gradients, state, arrays)
            : optimizer.Step(backend, parameters, TrainingStep.Tree(parameters, [.. gradients.Select(g => (ReadOnlyMemory<double>)g.ToArray())]), state);

    /// <summary>The rows of <paramref name="share"/> of <paramref name="batch"/>, or null when it has none.</summary>
    internal static Batch? Rows(Batch batch, RowShare share) => share.Rows == 0 ? null : Batch.FromTrusted(
        Tensor.Own(share.Rows, batch.Inputs.Columns, batch.Inputs.Span.Slice(share.From * batch.Inputs.Columns, share.Rows * batch.Inputs.Columns).ToArray()),
        Tensor.Own(share.Rows, batch.Targets.Columns, batch.Targets.Span.Slice(share.From * batch.Targets.Columns, share.Rows * batch.Targets.Columns).ToArray()));
}
