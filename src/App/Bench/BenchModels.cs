using Functional.NN.Activations;
using Functional.NN.Compute;
using Functional.NN.Initialization;
using Functional.NN.Randomness;
using Functional.NN.Losses;
using Functional.NN.Model;
using Functional.NN.Optimizers;
using Functional.NN.Optimizers.Elementwise;
using Functional.NN.Tensors;
using Functional.NN.Training;

namespace Functional.NN.App.Bench;

/// <summary>The networks, parameters and data of the workloads, from fixed seeds (also compiled into tests/Benchmarks).</summary>
internal static class BenchModels
{
    /// <summary>The tutorial's 2-2-2 sigmoid network with half_sse, its parameters and its one example.</summary>
    public static (Network Network, Parameters Parameters, Batch Batch) Seed()
    {
        var network = Network.Create(2, Loss.HalfSumSquaredError, (2, Activation.Sigmoid), (2, Activation.Sigmoid)).ThrowIfFail();
        var parameters = Parameters.Create(network, [
            ([[0.15, 0.2], [0.25, 0.3]], [0.35, 0.35]),
            ([[0.4, 0.45], [0.5, 0.55]], [0.6, 0.6]),
        ]).ThrowIfFail();
        var batch = Batch.Create(network, [[0.05, 0.1]], [[0.01, 0.99]]).ThrowIfFail();
        return (network, parameters, batch);
    }

    /// <summary>784-256-128-10 with ReLU, ReLU, softmax and softmax cross-entropy.</summary>
    public static Network Mlp() =>
        Network.Create(784, Loss.SoftmaxCrossEntropy, (256, Activation.Relu), (128, Activation.Relu), (10, Activation.Softmax)).ThrowIfFail();

    /// <summary>He-uniform weights (Core's <see cref="Initializer.HeUniform"/>) and zero biases, from a fixed seed.</summary>
    public static Parameters HeUniform(Network network, int seed) =>
        Initializer.HeUniform.Initialize(network, RandomKey.FromSeed((ulong)seed));

    /// <summary><paramref name="rows"/> inputs N(0, 1) and uniform labels 0..classes-1 as one-hot targets, from a fixed seed.</summary>
    public static Batch Classification(Network network, int rows, int seed)
    {
        var key = RandomKey.FromSeed((ulong)seed);
        var inputs = Sampling.Normal(key.Fold(0), rows, network.InputSize, 0.0, 1.0);
        var classes = network.OutputSize;
        var labels = Sampling.Uniform(key.Fold(1), rows, 1, 0.0, classes).ToArray()
            .Select(u => Math.Min((int)u, classes - 1)).ToArray();
        return Batch.Create(network, inputs, ClassLabels.OneHot(labels, classes).ThrowIfFail()).ThrowIfFail();
    }

    /// <summary>
    /// The loss of every step of <paramref name="optimizer"/> through <see cref="TrainingStep"/> as <c>fnn train</c> runs
    /// it (keeping only the latest state, so each step writes into the arrays of the state two steps back), as a lazy sequence.
    /// </summary>
    public static IEnumerable<double> StepLosses<T>(Network network, GradientTransformation optimizer, Parameters<T> parameters, Batch<T> batch)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        var arrays = StepArrays.Recycling();
        var state = optimizer.InitialState(parameters);
        while (true)
        {
            var result = TrainingStep.Run(ComputeBackend.Current, network, optimizer, parameters, state, batch, arrays);
            arrays.StepEnded();
            (parameters, state) = (result.Parameters, result.OptimizerState);
            yield return double.CreateTruncating(result.Loss);
        }
    }

    /// <summary>
    /// The optimizers of the mlp workload by name: <c>sgd</c> (lr 0.01) and <c>adam</c> (lr 1e-3 with the cosine
    /// decay of <c>examples/fashion-mnist.json</c>).
    /// </summary>
    public static GradientTransformation MlpOptimizer(string name) => name switch
    {
        "sgd" => Optimizer.Sgd(0.01),
        "adam" => Optimizer.Adam(Schedule.CosineDecay(0.001, 6330, alpha: 0.02)),
        _ => throw new ArgumentException($"unknown mlp optimizer '{name}' (known: sgd, adam)", nameof(name)),
    };

    /// <summary>Bytes of the parameters plus the activations of one batch (inputs and every layer's output).</summary>
    public static long ParameterAndActivationBytes<T>(Network network, Parameters<T> parameters, int batch)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T> =>
        (long)System.Runtime.CompilerServices.Unsafe.SizeOf<T>() * (parameters.ScalarCount + batch * network.LayerSizes.Sum());
}
