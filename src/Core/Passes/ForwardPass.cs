using System.Numerics;
using System.Runtime.InteropServices;
using Functional.NN.Activations;
using Functional.NN.Compute;
using Functional.NN.Model;
using Functional.NN.Tensors;

namespace Functional.NN.Passes;

/// <summary>The forward pass: z_l = a_(l-1) W_lᵀ + b_l and a_l = f_l(z_l), layer by layer, for a batch.</summary>
public static class ForwardPass
{
    /// <summary>
    /// Every layer's pre-activation and activation for a batch of inputs <c>[batch x inputs]</c>.
    /// Throws <see cref="ArgumentException"/> when the parameters or inputs do not fit the network
    /// (build them with <see cref="Parameters{T}.Create(Network, IEnumerable{LayerTensors{T}})"/> and
    /// <see cref="Batch{T}.Create(Network, Tensor{T}, Tensor{T})"/> to get those errors as values).
    /// </summary>
    public static ForwardResult<T> Run<T>(Network network, Parameters<T> parameters, Tensor<T> inputs) where T : unmanaged, IFloatingPointIeee754<T> =>
        Run(ComputeBackend.Current, network, parameters, inputs);

    /// <summary>The network's output for a batch of inputs.</summary>
    public static Tensor<T> Predict<T>(Network network, Parameters<T> parameters, Tensor<T> inputs) where T : unmanaged, IFloatingPointIeee754<T> =>
        Predict(ComputeBackend.Current, network, parameters, inputs);

    /// <summary>The loss of the network on a batch.</summary>
    public static T Loss<T>(Network network, Parameters<T> parameters, Batch<T> batch) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var result = Run(network, parameters, batch.Inputs);
        return network.Loss.Value(result.Logits, result.Output, batch.Targets);
    }

    /// <summary><see cref="Run{T}(Network, Parameters{T}, Tensor{T})"/> on a given backend.</summary>
    internal static ForwardResult<T> Run<T>(ComputeBackend backend, Network network, Parameters<T> parameters, Tensor<T> inputs) where T : unmanaged, IFloatingPointIeee754<T>
    {
        PassChecks.RequireFits(network, parameters);
        PassChecks.RequireInputs(network, inputs.Columns);
        var specs = network.Layers;
        var (rows, last) = (inputs.Rows, specs.Length - 1);
        var z = new T[last][];
        var a = new T[last][];
        for (var l = 0; l < last; l++)
        {
            z[l] = GC.AllocateUninitializedArray<T>(rows * specs[l].Units);
            a[l] = GC.AllocateUninitializedArray<T>(rows * specs[l].Units);
        }
        var logits = GC.AllocateUninitializedArray<T>(rows * specs[last].Units);
        ForwardRows.Run(backend, network, parameters, inputs, z, a, logits);
        var trace = new LayerTrace<T>[specs.Length];
        for (var l = 0; l < last; l++)
            trace[l] = new LayerTrace<T>(Tensor<T>.Own(rows, specs[l].Units, z[l]), Tensor<T>.Own(rows, specs[l].Units, a[l]));
        var outputZ = Tensor<T>.Own(rows, specs[last].Units, logits);
        trace[last] = new LayerTrace<T>(outputZ, specs[last].Activation.Apply(outputZ));
        return new ForwardResult<T>(inputs, ImmutableCollectionsMarshal.AsImmutableArray(trace));
    }

    /// <summary>
    /// <see cref="Predict{T}(Network, Parameters{T}, Tensor{T})"/> on a given backend: the same numbers as the output of
    /// <see cref="Run{T}(Network, Parameters{T}, Tensor{T})"/>, without keeping the trace (hidden activations, and an
    /// element-wise output activation, are applied in the buffer of their pre-activation, which nobody else sees).
    /// </summary>
    internal static Tensor<T> Predict<T>(ComputeBackend backend, Network network, Parameters<T> parameters, Tensor<T> inputs) where T : unmanaged, IFloatingPointIeee754<T>
    {
        PassChecks.RequireFits(network, parameters);
        PassChecks.RequireInputs(network, inputs.Columns);
        var specs = network.Layers;
        var (rows, last) = (inputs.Rows, specs.Length - 1);
        var hidden = new T[last][];
        for (var l = 0; l < last; l++) hidden[l] = GC.AllocateUninitializedArray<T>(rows * specs[l].Units);
        var logits = GC.AllocateUninitializedArray<T>(rows * specs[last].Units);
        ForwardRows.Run(backend, network, parameters, inputs, hidden, hidden, logits);
        if (specs[last].Activation is not ElementwiseActivation elementwise)
            return specs[last].Activation.Apply(Tensor<T>.Own(rows, specs[last].Units, logits));
        elementwise.Apply(logits, logits);
        return Tensor<T>.Own(rows, specs[last].Units, logits);
    }
}
