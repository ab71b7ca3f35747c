using Functional.NN.Activations;
using Functional.NN.Losses;
using Functional.NN.Model;
using Functional.NN.Tensors;

namespace Functional.NN.Tests.Compute;

/// <summary>Two-hidden-layer softmax classifiers with random weights, inputs and labels from a fixed seed.</summary>
internal static class TestClassifier
{
    /// <summary>inputs-first-second-10 with softmax cross-entropy, weights U(±1/√fan_in), biases U(±0.1), inputs U(±1).</summary>
    public static (Network, Parameters, Batch) Create(int inputs, (int Units, Activation Activation) first,
        (int Units, Activation Activation) second, int rows, int seed)
    {
        var network = Network.Create(inputs, Loss.SoftmaxCrossEntropy, first, second, (10, Activation.Softmax)).ThrowIfFail();
        var random = new Random(seed);
        var layers = Enumerable.Range(0, 3).Select(l =>
        {
            var (units, columns) = (network.Layers[l].Units, network.InputsOf(l));
            return new LayerTensors(
                Tensor.Build(units, columns, (_, _) => (random.NextDouble() * 2 - 1) / Math.Sqrt(columns)),
                Tensor.Build(1, units, (_, _) => random.NextDouble() * 0.2 - 0.1));
        }).ToList();
        var parameters = Parameters.Create(network, layers).ThrowIfFail();
        var batchInputs = Tensor.Build(rows, inputs, (_, _) => random.NextDouble() * 2 - 1);
        var targets = Tensor.Build(rows, 10, (r, c) => c == r % 10 ? 1.0 : 0.0);
        return (network, parameters, Batch.Create(network, batchInputs, targets).ThrowIfFail());
    }
}
