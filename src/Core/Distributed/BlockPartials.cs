using Functional.NN.Compute;
using Functional.NN.Model;
using Functional.NN.Passes;
using Functional.NN.Tensors;

namespace Functional.NN.Distributed;

/// <summary>
/// The forward and backward pass over one rank's rows of a batch, ending in one partial sum per block of its
/// <see cref="RowShare"/> instead of one gradient: per block, every layer's dL/dW and dL/db over the block's rows
/// (each the block's subtree of the canonical batch sum) and the block's sum of the loss's row terms. Everything
/// per row (z, a, δ) is computed once for all the rank's rows; only the sums over rows are cut at the blocks.
/// The deltas are those of the whole batch (the loss's mean is over <see cref="RowShare.BatchRows"/> rows).
/// </summary>
internal static class BlockPartials
{
    /// <summary>
    /// Writes block b's partials at <c>partials[b·stride ..]</c> in the order of <see cref="GradientLayout"/>, the
    /// loss term last (at <see cref="GradientLayout.Length"/>). <paramref name="rows"/> holds exactly the share's rows.
    /// </summary>
    public static void Compute(ComputeBackend backend, Network network, Parameters parameters, Batch rows, RowShare share,
        GradientLayout layout, Span<double> partials)
    {
        PassChecks.RequireFits(network, parameters);
        PassChecks.RequireInputs(network, rows.Inputs.Columns);
        if (rows.Inputs.Rows != share.Rows)
            throw new ArgumentException($"rank rows: the share holds {share.Rows} rows of the batch from row {share.From}, got {rows.Inputs.Rows}");
        using var scratch = new ScratchBuffers<double>();
        var specs = network.Layers;
        var last = specs.Length - 1;
        var count = share.Rows;
        var (z, a, logits, output) = ScratchTrace<double>.Run(backend, network, parameters, rows.Inputs, scratch);
        var stride = layout.Length + 1;
        for (var b = 0; b < share.Blocks.Length; b++)
        {
            var block = share.Blocks[b];
            var offset = block.From - share.From;
            partials[b * stride + layout.Length] =
                BatchReduction.Sum(block.Rows, r => network.Loss.RowTerm(logits, output, rows.Targets, offset + r));
        }
        var delta = network.Loss.OutputDelta(specs[last].Activation, logits, output, rows.Targets, share.BatchRows).Memory;
        for (var l = last; l >= 0; l--)
        {
            var w = parameters[l].Weights;
            var (units, inputs) = (w.Rows, w.Columns);
            var input = l == 0 ? rows.Inputs.Memory : a[l - 1].AsMemory(0, count * inputs);
            for (var b = 0; b < share.Blocks.Length; b++)
            {
                var block = share.Blocks[b];
                var offset = block.From - share.From;
                var at = partials[(b * stride)..];
                LayerBackward.Gradient(backend, delta.Span.Slice(offset * units, block.Rows * units),
                    input.Span.Slice(offset * inputs, block.Rows * inputs), block.Rows, units, inputs,
                    at.Slice(layout.Offset(2 * l), units * inputs), at.Slice(layout.Offset(2 * l + 1), units));
            }
            if (l == 0) break;
            var below = new LayerBackward.Below<double>(Backpropagation.Elementwise(network, l - 1), z[l - 1], a[l - 1], scratch.Rent(count * inputs));
            LayerBackward.DeltaBelow(backend, below, delta.Span, w, count);
            delta = below.Delta.AsMemory(0, count * inputs);
        }
    }
}
