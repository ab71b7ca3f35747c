using Functional.NN.App.Bench;
using BenchmarkDotNet.Attributes;
using Functional.NN.Compute;
using Functional.NN.Model;
using Functional.NN.Passes;
using Functional.NN.Tensors;

namespace Functional.NN.Benchmarks;

/// <summary>
/// Time and allocated bytes of <see cref="ForwardPass.Predict(Network, Parameters, Tensor)"/> of the 784-256-128-10
/// network on a batch of 1024 inputs (samples per second = 1024 over the mean time), on the process's compute
/// backend, set with <c>FNN_BACKEND</c> and <c>FNN_THREADS</c> before the run.
/// </summary>
[MemoryDiagnoser]
public class InferenceBenchmarks
{
    private Network _network = null!;
    private Parameters _parameters = null!;
    private Tensor _inputs = null!;

    /// <summary>The network, its He-uniform parameters and 1024 inputs, from fixed seeds.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _network = BenchModels.Mlp();
        _parameters = BenchModels.HeUniform(_network, seed: 1);
        _inputs = BenchModels.Classification(_network, rows: 1024, seed: 3).Inputs;
        Console.WriteLine($"// compute backend: {ComputeBackend.Current}");
    }

    /// <summary>The network's outputs (class probabilities) for every input, without the trace.</summary>
    [Benchmark]
    public Tensor Predict() => ForwardPass.Predict(_network, _parameters, _inputs);
}
