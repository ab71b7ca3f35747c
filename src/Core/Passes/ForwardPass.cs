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
    /// (build them with <see cref="Parameters.Create(Network, IEnumerable{LayerTensors})"/> and
    /// <see cref="Batch.Create(Network, Tensor, Tensor)"/> to get those errors as values).
    /// </summary>
    public static ForwardResult Run(Network network, Parameters parameters, Tensor inputs) =>
        Run(ComputeBackend.Current, network, parameters, inputs);

    /// <summary>The network's output for a batch of inputs.</summary>
    public static Tensor Predict(Network network, Parameters parameters, Tensor inputs) =>
        Predict(ComputeBackend.Current, network, parameters, inputs);

    /// <summary>The loss of the network on a batch.</summary>
    public static double Loss(Network network, Parameters parameters, Batch batch)
    {
        var result = Run(network, parameters, batch.Inputs);
        return network.Loss.Value(result.Logits, result.Output, batch.Targets);
    }

    /// <summary><see cref="Run(Network, Parameters, Tensor)"/> on a given backend.</summary>
    internal static ForwardResult Run(ComputeBackend backend, Network network, Parameters parameters, Tensor inputs)
    {
        PassChecks.RequireFits(network, parameters);
        PassChecks.RequireInputs(network, inputs.Columns);
        var specs = network.Layers;
        var (rows, last) = (inputs.Rows, specs.Length - 1);
        var z = new double[last][];
        var a = new double[last][];
        for (var l = 0; l < last; l++)
        {
            z[l] = GC.AllocateUninitializedArray<double>(rows * specs[l].Units);
            a[l] = GC.AllocateUninitializedArray<double>(rows * specs[l].Units);
        }
        var logits = GC.AllocateUninitializedArray<double>(rows * specs[last].Units);
        ForwardRows.Run(backend, network, parameters, inputs, z, a, logits);
        var trace = new LayerTrace[specs.Length];
        for (var l = 0; l < last; l++)
            trace[l] = new LayerTrace(Tensor.Own(rows, specs[l].Units, z[l]), Tensor.Own(rows, specs[l].Units, a[l]));
        var outputZ = Tensor.Own(rows, specs[last].Units, logits);
        trace[last] = new LayerTrace(outputZ, specs[last].Activation.Apply(outputZ));
        return new ForwardResult(inputs, ImmutableCollectionsMarshal.AsImmutableArray(trace));
    }

    /// <summary>
    /// <see cref="Predict(Network, Parameters, Tensor)"/> on a given backend: the same numbers as the output of
    /// <see cref="Run(Network, Parameters, Tensor)"/>, without keeping the trace (hidden activations, and an
    /// element-wise output activation, are applied in the buffer of their pre-activation, which nobody else sees).
    /// </summary>
    internal static Tensor Predict(ComputeBackend backend, Network network, Parameters parameters, Tensor inputs)
    {
        PassChecks.RequireFits(network, parameters);
        PassChecks.RequireInputs(network, inputs.Columns);
        var specs = network.Layers;
        var (rows, last) = (inputs.Rows, specs.Length - 1);
        var hidden = new double[last][];
        for (var l = 0; l < last; l++) hidden[l] = GC.AllocateUninitializedArray<double>(rows * specs[l].Units);
        var logits = GC.AllocateUninitializedArray<double>(rows * specs[last].Units);
        ForwardRows.Run(backend, network, parameters, inputs, hidden, hidden, logits);
        if (specs[last].Activation is not ElementwiseActivation elementwise)
            return specs[last].Activation.Apply(Tensor.Own(rows, specs[last].Units, logits));
        elementwise.Apply(logits, logits);
        return Tensor.Own(rows, specs[last].Units, logits);
    }
}
