using System.Numerics;
using Functional.NN.Compute;
using Functional.NN.Model;
using Functional.NN.Tensors;

namespace Functional.NN.Passes;

/// <summary>
/// The forward trace that a training step's backward pass reads: z and a of every hidden layer in scratch buffers
/// (they never leave the step), and the output layer's logits and outputs as tensors for the loss. Hidden layers
/// are element-wise (the network allows softmax only at the output), which is what lets their trace be scratch.
/// </summary>
/// <param name="Z">Pre-activations of hidden layer l, rows x units, at <c>Z[l]</c>.</param>
/// <param name="A">Activations of hidden layer l, rows x units, at <c>A[l]</c>.</param>
/// <param name="Logits">The output layer's pre-activations.</param>
/// <param name="Output">The output layer's activations.</param>
internal readonly record struct ScratchTrace<T>(T[][] Z, T[][] A, Tensor<T> Logits, Tensor<T> Output) where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The forward pass of <paramref name="inputs"/> through <see cref="ForwardRows"/>, hidden layers into <paramref name="scratch"/>.</summary>
    public static ScratchTrace<T> Run(ComputeBackend backend, Network network, Parameters<T> parameters, Tensor<T> inputs, ScratchBuffers<T> scratch)
    {
        var specs = network.Layers;
        var last = specs.Length - 1;
        var rows = inputs.Rows;
        var z = new T[last][];
        var a = new T[last][];
        for (var l = 0; l < last; l++)
        {
            z[l] = scratch.Rent(rows * specs[l].Units);
            a[l] = scratch.Rent(rows * specs[l].Units);
        }
        var logitsBuffer = GC.AllocateUninitializedArray<T>(rows * specs[last].Units);
        ForwardRows.Run(backend, network, parameters, inputs, z, a, logitsBuffer);
        var logits = Tensor<T>.Own(rows, specs[last].Units, logitsBuffer);
        return new ScratchTrace<T>(z, a, logits, specs[last].Activation.Apply(logits));
    }
}
