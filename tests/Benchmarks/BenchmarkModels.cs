using Functional.NN.Activations;
using Functional.NN.Losses;
using Functional.NN.Model;
using Functional.NN.Tensors;

namespace Functional.NN.Benchmarks;

/// <summary>
/// The network, parameters and data the benchmarks run on, from fixed seeds: the same 784-256-128-10 network,
/// He-uniform parameters and classification batches as <c>fnn bench</c> (src/App/Bench/BenchModels.cs).
/// </summary>
internal static class BenchmarkModels
{
    /// <summary>784-256-128-10 with ReLU, ReLU, softmax and softmax cross-entropy.</summary>
    public static Network Mlp() =>
        Network.Create(784, Loss.SoftmaxCrossEntropy, (256, Activation.Relu), (128, Activation.Relu), (10, Activation.Softmax)).ThrowIfFail();

    /// <summary>He-uniform weights U(-√(6/fan_in), √(6/fan_in)) and zero biases, from a fixed seed.</summary>
    public static Parameters HeUniform(Network network, int seed)
    {
        var random = new Random(seed);
        var layers = new List<LayerTensors>();
        for (var l = 0; l < network.Layers.Length; l++)
        {
            var (rows, columns) = (network.Layers[l].Units, network.InputsOf(l));
            var limit = Math.Sqrt(6.0 / columns);
            var weights = new double[rows * columns];
            for (var i = 0; i < weights.Length; i++) weights[i] = (2 * random.NextDouble() - 1) * limit;
            layers.Add(new LayerTensors(Tensor.FromRowMajor(rows, columns, weights).ThrowIfFail(), Tensor.Zeros(1, rows)));
        }
        return Parameters.Create(network, layers).ThrowIfFail();
    }

    /// <summary><paramref name="rows"/> inputs N(0, 1) and uniform labels 0..classes-1 as one-hot targets, from a fixed seed.</summary>
    public static Batch Classification(Network network, int rows, int seed)
    {
        var random = new Random(seed);
        var inputs = Normals(random, rows * network.InputSize);
        var classes = network.OutputSize;
        var targets = new double[rows * classes];
        for (var r = 0; r < rows; r++) targets[r * classes + random.Next(classes)] = 1.0;
        return Batch.Create(network,
            Tensor.FromRowMajor(rows, network.InputSize, inputs).ThrowIfFail(),
            Tensor.FromRowMajor(rows, classes, targets).ThrowIfFail()).ThrowIfFail();
    }

    /// <summary><paramref name="count"/> draws of N(0, 1) from <paramref name="random"/> (Box-Muller).</summary>
    public static double[] Normals(Random random, int count)
    {
        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            // 1 - u keeps the logarithm finite.
            var u = 1.0 - random.NextDouble();
            var v = random.NextDouble();
            values[i] = Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * v);
        }
        return values;
    }
}
