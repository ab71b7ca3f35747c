using System.Buffers;
using System.Runtime.InteropServices;
using Functional.NN.Activations;
using Functional.NN.Compute;
using Functional.NN.Model;
using Functional.NN.Passes;
using Functional.NN.Tensors;

namespace Functional.NN.Optimizers;

/// <summary>
/// One plain SGD step, p ← p - η ∇L(p), as a single pure function from parameters and a batch to the loss and
/// the new parameters: the numbers are bit for bit those of
/// <c>Sgd.Step(p, Backpropagation.ValueAndGradient(network, p, batch).Gradients, η)</c>, but the forward trace and
/// the gradients are never handed out, so their memory is scratch that is reused from step to step instead of
/// fresh memory for the garbage collector. This is the training step to use when nothing but the loss and the new
/// parameters is wanted (the role of a jitted <c>train_step</c> in JAX).
/// </summary>
public static class FusedSgd
{
    /// <summary>The loss at <paramref name="parameters"/> on the batch, and the parameters after one SGD step.</summary>
    /// <param name="network">The architecture.</param>
    /// <param name="parameters">Current parameters.</param>
    /// <param name="batch">The examples of this step.</param>
    /// <param name="learningRate">η.</param>
    /// <param name="freezeBiases">When true (as in the tutorial), biases keep their values.</param>
    /// <exception cref="ArgumentException">The parameters or the batch do not fit the network.</exception>
    public static SgdStepResult Step(Network network, Parameters parameters, Batch batch, double learningRate, bool freezeBiases = false) =>
        Step(ComputeBackend.Current, network, parameters, batch, learningRate, freezeBiases);

    /// <summary><see cref="Step(Network, Parameters, Batch, double, bool)"/> on a given backend.</summary>
    internal static SgdStepResult Step(ComputeBackend backend, Network network, Parameters parameters, Batch batch, double learningRate, bool freezeBiases)
    {
        PassChecks.RequireFits(network, parameters);
        PassChecks.RequireInputs(network, batch.Inputs.Columns);
        using var scratch = new Scratch();
        return Fused(backend, scratch, network, parameters, batch, learningRate, freezeBiases);
    }

    private static SgdStepResult Fused(ComputeBackend backend, Scratch scratch, Network network, Parameters parameters,
        Batch batch, double learningRate, bool freezeBiases)
    {
        var specs = network.Layers;
        var last = specs.Length - 1;
        var rows = batch.Inputs.Rows;
        // Hidden layers are element-wise (the network allows softmax only at the output), so their trace can be
        // scratch: z and a per hidden layer, the output layer's in tensors for the loss.
        var z = new double[last][];
        var a = new double[last][];
        ReadOnlySpan<double> Input(int l) => l == 0 ? batch.Inputs.Span : a[l - 1].AsSpan(0, rows * network.InputsOf(l));

        for (var l = 0; l < last; l++)
        {
            z[l] = scratch.Rent(rows * specs[l].Units);
            a[l] = scratch.Rent(rows * specs[l].Units);
        }
        var logitsBuffer = GC.AllocateUninitializedArray<double>(rows * specs[last].Units);
        ForwardRows.Run(backend, network, parameters, batch.Inputs, z, a, logitsBuffer);
        var logits = Tensor.Own(rows, specs[last].Units, logitsBuffer);
        var output = specs[last].Activation.Apply(logits);
        var loss = network.Loss.Value(logits, output, batch.Targets);
        var delta = network.Loss.OutputDelta(specs[last].Activation, logits, output, batch.Targets).Memory;

        var layers = new LayerTensors[specs.Length];
        for (var l = last; l >= 0; l--)
        {
            var (layer, upstream) = (l, delta);
            var (weights, bias) = (parameters[l].Weights, parameters[l].Bias);
            var (units, inputs) = (weights.Rows, weights.Columns);
            // Rented here, not in the two halves below, which may run on two threads.
            var gradient = scratch.Rent(units * inputs);
            var biasGradient = scratch.Rent(units);
            void Update(ComputeBackend on)
            {
                var g = gradient.AsSpan(0, units * inputs);
                on.Multiply(true, false, units, inputs, rows, upstream.Span, Input(layer), g, accumulate: false);
                var gb = biasGradient.AsSpan(0, units);
                MatrixKernels.ColumnSums(upstream.Span, gb, rows, units);
                layers[layer] = new LayerTensors(Sgd.Update(weights, g, learningRate, on),
                    Sgd.UpdatedBias(bias, gb, learningRate, freezeBiases, on));
            }
            if (l == 0)
            {
                Update(backend);
                break;
            }
            var below = scratch.Rent(rows * inputs);
            void Below(ComputeBackend on)
            {
                var length = rows * inputs;
                var b = below.AsSpan(0, length);
                on.Multiply(false, false, rows, inputs, units, upstream.Span, weights.Span, b, accumulate: false);
                ((ElementwiseActivation)specs[layer - 1].Activation).Backward(z[layer - 1].AsSpan(0, length), a[layer - 1].AsSpan(0, length), b, b);
            }
            if (BackwardPair.SideBySide(backend, rows, weights)) BackwardPair.Run(backend, Update, Below);
            else
            {
                Update(backend);
                Below(backend);
            }
            delta = below.AsMemory(0, rows * inputs);
        }
        return new SgdStepResult(loss, Parameters.FromTrustedLayers(ImmutableCollectionsMarshal.AsImmutableArray(layers)));
    }

    /// <summary>
    /// Buffers rented from the shared array pool for one step and returned when it ends. They are longer than
    /// asked for and hold stale values: every use slices them to its length and writes before it reads.
    /// </summary>
    private sealed class Scratch : IDisposable
    {
        private readonly List<double[]> _rented = new(16);

        public double[] Rent(int length)
        {
            var buffer = ArrayPool<double>.Shared.Rent(length);
            _rented.Add(buffer);
            return buffer;
        }

        public void Dispose()
        {
            foreach (var buffer in _rented) ArrayPool<double>.Shared.Return(buffer);
            _rented.Clear();
        }
    }
}
