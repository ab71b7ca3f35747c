using Functional.NN.Compute;
using Functional.NN.Model;
using Functional.NN.Optimizers;
using Functional.NN.Optimizers.Elementwise;
using Functional.NN.Passes;
using Functional.NN.Training;

namespace Functional.NN.Distributed;

/// <summary>
/// One optimizer step on a batch given as consecutive micro-batches, each passed through the network on its own
/// (for a batch larger than memory allows at once): bit for bit <see cref="TrainingStep"/> on the micro-batches'
/// rows one after another. Each micro-batch's rows are summed into subtrees of the canonical batch sum and the
/// subtrees of all of them are combined in its pairwise tree, as <see cref="DataParallelStep"/> combines ranks.
/// Every micro-batch but the last holds a multiple of <see cref="RowShare.ChunkRows"/> rows, so that none cuts a chunk.
/// </summary>
public static class GradientAccumulation
{
    /// <summary>One step of <paramref name="optimizer"/> on the rows of <paramref name="microBatches"/>, in order.</summary>
    /// <exception cref="ArgumentException">No micro-batch, one but the last whose rows are not a multiple of 32, or a misfit.</exception>
    public static StepResult Run(Network network, GradientTransformation optimizer, Parameters parameters, OptimizerState state,
        IReadOnlyList<Batch> microBatches) =>
        Run(ComputeBackend.Current, network, optimizer, parameters, state, microBatches);

    /// <summary><see cref="Run(Network, GradientTransformation, Parameters, OptimizerState, IReadOnlyList{Batch})"/> on a given backend.</summary>
    internal static StepResult Run(ComputeBackend backend, Network network, GradientTransformation optimizer, Parameters parameters,
        OptimizerState state, IReadOnlyList<Batch> microBatches)
    {
        ArgumentNullException.ThrowIfNull(microBatches);
        if (microBatches.Count == 0) throw new ArgumentException("gradient accumulation needs at least one micro-batch", nameof(microBatches));
        for (var m = 0; m < microBatches.Count - 1; m++)
            if (microBatches[m].Size % RowShare.ChunkRows != 0)
                throw new ArgumentException($"micro-batch {m} has {microBatches[m].Size} rows; every micro-batch but the last needs a multiple of {RowShare.ChunkRows}", nameof(microBatches));
        if (microBatches.Count == 1) return TrainingStep.Run(backend, network, optimizer, parameters, state, microBatches[0]);
        DataParallelStep.Supports(network, microBatches.Count).IfFail(e => throw new ArgumentException(e.Message));
        var batchRows = microBatches.Sum(b => b.Size);
        var layout = GradientLayout.Of(network);
        var stride = layout.Length + 1;
        using var scratch = new ScratchBuffers<double>();
        var shares = new List<RowShare>(microBatches.Count);
        var firstChunk = 0;
        foreach (var micro in microBatches)
        {
            var end = firstChunk + BatchReduction.Chunks(micro.Size);
            shares.Add(RowShare.OfChunks(batchRows, firstChunk, end));
            firstChunk = end;
        }
        var all = scratch.Rent(shares.Sum(s => s.Blocks.Length) * stride);
        var at = 0;
        for (var m = 0; m < microBatches.Count; m++)
        {
            BlockPartials.Compute(backend, network, parameters, microBatches[m], shares[m], layout, all.AsSpan(at));
            at += shares[m].Blocks.Length * stride;
        }
        var loss = DataParallelStep.Combine(all, shares.SelectMany(s => s.Blocks), stride)[layout.Length] / network.Loss.Divisor(batchRows, network.OutputSize);
        var (next, nextState) = DataParallelStep.Apply(backend, optimizer, parameters, state, layout.Split(all.AsMemory(0, layout.Length)), StepArrays.Fresh);
        return new StepResult(loss, next, nextState);
    }
}
