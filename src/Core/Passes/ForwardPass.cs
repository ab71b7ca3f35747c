using System.Collections.Immutable;
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
    public static ForwardResult Run(Network network, Parameters parameters, Tensor inputs)
    {
        parameters.RequireFits(network);
        if (inputs.Columns != network.InputSize)
            throw new ArgumentException($"layer 1 expects {network.InputSize} inputs, got {inputs.Columns}");
        var trace = ImmutableArray.CreateBuilder<LayerTrace>(network.Layers.Length);
        var a = inputs;
        for (var l = 0; l < network.Layers.Length; l++)
        {
            var z = TensorAlgebra.Affine(a, parameters[l].Weights, parameters[l].Bias);
            a = network.Layers[l].Activation.Apply(z);
            trace.Add(new LayerTrace(z, a));
        }
        return new ForwardResult(inputs, trace.MoveToImmutable());
    }

    /// <summary>The network's output for a batch of inputs.</summary>
    public static Tensor Predict(Network network, Parameters parameters, Tensor inputs) =>
        Run(network, parameters, inputs).Output;

    /// <summary>The loss of the network on a batch.</summary>
    public static double Loss(Network network, Parameters parameters, Batch batch)
    {
        var result = Run(network, parameters, batch.Inputs);
        return network.Loss.Value(result.Logits, result.Output, batch.Targets);
    }
}
