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
        var trace = new LayerTrace[specs.Length];
        var a = inputs;
        for (var l = 0; l < trace.Length; l++)
        {
            var layer = parameters[l];
            var z = Tensor.Own(a.Rows, layer.Weights.Rows, TensorAlgebra.AffineBuffer(backend, a, layer.Weights, layer.Bias));
            a = specs[l].Activation.Apply(z);
            trace[l] = new LayerTrace(z, a);
        }
        return new ForwardResult(inputs, ImmutableCollectionsMarshal.AsImmutableArray(trace));
    }

    /// <summary>
    /// <see cref="Predict(Network, Parameters, Tensor)"/> on a given backend: the same numbers as the output of
    /// <see cref="Run(Network, Parameters, Tensor)"/>, without keeping the trace (element-wise activations are
    /// applied in the buffer of their pre-activation, which nobody else sees).
    /// </summary>
    internal static Tensor Predict(ComputeBackend backend, Network network, Parameters parameters, Tensor inputs)
    {
        PassChecks.RequireFits(network, parameters);
        PassChecks.RequireInputs(network, inputs.Columns);
        var specs = network.Layers;
        var a = inputs;
        for (var l = 0; l < specs.Length; l++)
        {
            var layer = parameters[l];
            var z = TensorAlgebra.AffineBuffer(backend, a, layer.Weights, layer.Bias);
            if (specs[l].Activation is ElementwiseActivation elementwise)
            {
                elementwise.Apply(z, z);
                a = Tensor.Own(a.Rows, layer.Weights.Rows, z);
            }
            else a = specs[l].Activation.Apply(Tensor.Own(a.Rows, layer.Weights.Rows, z));
        }
        return a;
    }
}
