using System.Numerics;
using Functional.NN.Compute;
using Functional.NN.Model;
using Functional.NN.Passes;
using Functional.NN.Tensors;

namespace Functional.NN.Data;

/// <summary>
/// The output layer of a network on every example of a dataset, computed by the forward pass on consecutive blocks
/// of rows: the pre-activation <c>Logits</c> and the activation <c>Outputs</c>, both <c>[examples x outputs]</c>.
/// One block's inputs and hidden activations exist at a time, in buffers reused from block to block, so evaluating
/// 10,000 examples needs a few megabytes of scratch instead of a whole-set trace; each row's numbers are those
/// <see cref="ForwardPass.Run{T}(Network, Parameters{T}, Tensor{T})"/> gives that row (the forward pass treats rows
/// independently). In the element type of the parameters: a block's inputs are the dataset's rows in that type
/// (<see cref="Dataset.FeaturesAs{T}"/>), written straight into the block's buffer.
/// </summary>
public static class BlockwiseForward
{
    /// <summary>Rows per block when none is given: 512 rows of 784 features are 3.2 MB, below the large-object heap.</summary>
    public const int DefaultBlockRows = 512;

    /// <summary>The output layer's pre-activation and activation for every row of <paramref name="data"/>, in blocks of <paramref name="blockRows"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="blockRows"/> is below 1.</exception>
    /// <exception cref="ArgumentException">
    /// When the parameters or the data's features do not fit the network, or a number of the data is not finite as a
    /// <typeparamref name="T"/> (<see cref="Dataset.CheckFiniteAs{T}"/>).
    /// </exception>
    public static (Tensor<T> Logits, Tensor<T> Outputs) Run<T>(Network network, Parameters<T> parameters, Dataset data, int blockRows = DefaultBlockRows)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(blockRows, 1);
        PassChecks.RequireFits(network, parameters);
        PassChecks.RequireInputs(network, data.FeatureCount);
        var notFinite = data.CheckFiniteAs<T>().Match(_ => null, e => (string?)e.Message);
        if (notFinite is not null) throw new ArgumentException($"data: {notFinite}", nameof(data));
        var backend = ComputeBackend.Current;
        var specs = network.Layers;
        var last = specs.Length - 1;
        var outputs = network.OutputSize;
        var logits = new T[checked(data.Count * outputs)];
        var activations = new T[logits.Length];
        var rows = Math.Min(blockRows, data.Count);
        using var scratch = new ScratchBuffers<T>();
        // Hidden activations overwrite their pre-activations, as in ForwardPass.Predict: only the output layer's are kept.
        var hidden = new T[last][];
        for (var l = 0; l < last; l++) hidden[l] = scratch.Rent(rows * specs[l].Units);
        var blockLogits = scratch.Rent(rows * outputs);
        var features = GC.AllocateUninitializedArray<T>(checked(rows * data.FeatureCount));
        // Stryker disable once Equality,Conditional : start <= Count adds a pass over 0 rows that writes nothing; a new array for every block instead of the reused one holds the same inputs
        for (var start = 0; start < data.Count; start += blockRows)
        {
            var size = Math.Min(blockRows, data.Count - start);
            // The block's inputs never leave this loop; only the last, shorter block needs an array of its own.
            var inputs = size == rows ? features : GC.AllocateUninitializedArray<T>(size * data.FeatureCount);
            data.CopyFeatures(Enumerable.Range(start, size).ToArray(), inputs.AsSpan());
            ForwardRows.Run(backend, network, parameters, Tensor<T>.Own(size, data.FeatureCount, inputs), hidden, hidden, blockLogits);
            var z = blockLogits.AsSpan(0, size * outputs);
            z.CopyTo(logits.AsSpan(start * outputs));
            specs[last].Activation.Apply(Tensor<T>.Own(size, outputs, z.ToArray())).Span.CopyTo(activations.AsSpan(start * outputs));
        }
        return (Tensor<T>.Own(data.Count, outputs, logits), Tensor<T>.Own(data.Count, outputs, activations));
    }
}
