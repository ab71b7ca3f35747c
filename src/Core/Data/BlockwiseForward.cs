using Functional.NN.Model;
using Functional.NN.Passes;
using Functional.NN.Tensors;

namespace Functional.NN.Data;

/// <summary>
/// The output layer of a network on every example of a dataset, computed by <see cref="ForwardPass.Run(Network, Parameters, Tensor)"/> on
/// consecutive blocks of rows: the pre-activation <c>Logits</c> and the activation <c>Outputs</c>, both
/// <c>[examples x outputs]</c>. Only one block's inputs and hidden activations exist at a time, so evaluating
/// 10,000 examples needs a few megabytes of scratch instead of a whole-set trace; each row's numbers are those
/// the forward pass gives that row (the forward pass treats rows independently).
/// </summary>
public static class BlockwiseForward
{
    /// <summary>Rows per block when none is given: 512 rows of 784 features are 3.2 MB, below the large-object heap.</summary>
    public const int DefaultBlockRows = 512;

    /// <summary>The output layer's pre-activation and activation for every row of <paramref name="data"/>, in blocks of <paramref name="blockRows"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="blockRows"/> is below 1.</exception>
    public static (Tensor Logits, Tensor Outputs) Run(Network network, Parameters parameters, Dataset data, int blockRows = DefaultBlockRows)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(blockRows, 1);
        var outputs = network.OutputSize;
        var logits = new double[checked(data.Count * outputs)];
        var activations = new double[logits.Length];
        for (var start = 0; start < data.Count; start += blockRows)
        {
            var size = Math.Min(blockRows, data.Count - start);
            var block = data.TakeRows(Enumerable.Range(start, size).ToArray());
            var result = ForwardPass.Run(network, parameters, block.Features);
            result.Logits.Span.CopyTo(logits.AsSpan(start * outputs));
            result.Output.Span.CopyTo(activations.AsSpan(start * outputs));
        }
        return (Tensor.Own(data.Count, outputs, logits), Tensor.Own(data.Count, outputs, activations));
    }
}
