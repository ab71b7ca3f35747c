using System.Numerics;
using Functional.NN.Activations;
using Functional.NN.Compute;
using Functional.NN.Model;
using Functional.NN.Tensors;

namespace Functional.NN.Passes;

/// <summary>
/// The forward pass up to the logits, into buffers the caller owns: for every hidden layer z_l = a_(l-1) W_lᵀ + b_l
/// and a_l = f_l(z_l), then the output layer's z. Rows are independent, so a large batch is cut into one block of
/// rows per thread and each block goes through every layer on its own thread, on the backend's one-threaded
/// sibling, with no waiting between layers. Every forward pass (<see cref="ForwardPass.Run{T}(Network, Parameters{T}, Tensor{T})"/>,
/// <see cref="ForwardPass.Predict{T}(Network, Parameters{T}, Tensor{T})"/>, the training step) goes through here, so all
/// three give the same numbers.
/// </summary>
internal static class ForwardRows
{
    /// <summary>Multiply-adds of a whole pass below which the rows are not split.</summary>
    private const long ParallelThreshold = 1L << 18;

    /// <summary>
    /// Fills <paramref name="z"/>[l] and <paramref name="a"/>[l] (each at least rows x units long) for every hidden
    /// layer l, and <paramref name="logits"/> (rows x outputs) for the output layer. <paramref name="a"/>[l] may be
    /// the same buffer as <paramref name="z"/>[l] when the pre-activations are not wanted. Hidden activations are
    /// element-wise (the network allows softmax only at the output). Shapes are the caller's to check.
    /// </summary>
    public static void Run<T>(ComputeBackend backend, Network network, Parameters<T> parameters, Tensor<T> inputs,
        T[][] z, T[][] a, T[] logits) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var rows = inputs.Rows;
        var parts = Parts(backend, network, rows);
        // Stryker disable once all : one block of all rows or a parallel loop over one part: the number of blocks only changes the speed: every split of the rows gives the same bits (the backends' determinism contract, tests/Passes/ThreadSplitPassTests)
        if (parts == 1)
        {
            Block(backend, network, parameters, inputs, z, a, logits, 0, rows);
            return;
        }
        var single = backend.OneThreaded;
        backend.ParallelFor(parts, part =>
            Block(single, network, parameters, inputs, z, a, logits, rows * part / parts, rows * (part + 1) / parts));
    }

    private static int Parts(ComputeBackend backend, Network network, int rows)
    {
        // Stryker disable once all : the number of blocks only changes the speed: every split of the rows gives the same bits (the backends' determinism contract, tests/Passes/ThreadSplitPassTests)
        if (backend.Threads == 1 || rows < 2 * backend.Threads) return 1;
        var work = 0L;
        // Stryker disable once all : the work estimate only chooses the number of blocks; the number of blocks only changes the speed: every split of the rows gives the same bits (the backends' determinism contract, tests/Passes/ThreadSplitPassTests)
        for (var l = 0; l < network.Layers.Length; l++) work += (long)rows * network.InputsOf(l) * network.Layers[l].Units;
        // Stryker disable once all : the number of blocks only changes the speed: every split of the rows gives the same bits (the backends' determinism contract, tests/Passes/ThreadSplitPassTests)
        return work < ParallelThreshold ? 1 : backend.Threads;
    }

    private static void Block<T>(ComputeBackend backend, Network network, Parameters<T> parameters, Tensor<T> inputs,
        T[][] z, T[][] a, T[] logits, int from, int to) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var specs = network.Layers;
        var count = to - from;
        var input = inputs.Span.Slice(from * network.InputSize, count * network.InputSize);
        for (var l = 0; l < specs.Length - 1; l++)
        {
            var units = specs[l].Units;
            var zl = z[l].AsSpan(from * units, count * units);
            TensorAlgebra.AffineInto(backend, input, count, parameters[l].Weights, parameters[l].Bias, zl);
            var al = a[l].AsSpan(from * units, count * units);
            ((ElementwiseActivation)specs[l].Activation).Apply(zl, al);
            input = al;
        }
        var outputs = specs[^1].Units;
        TensorAlgebra.AffineInto(backend, input, count, parameters[^1].Weights, parameters[^1].Bias,
            logits.AsSpan(from * outputs, count * outputs));
    }
}
