using Functional.NN.App.Bench;
using BenchmarkDotNet.Attributes;
using Functional.NN.Compute;
using Functional.NN.Model;
using Functional.NN.Optimizers;
using Functional.NN.Passes;

namespace Functional.NN.Benchmarks;

/// <summary>
/// Time and allocated bytes of one SGD step of the 784-256-128-10 network on a batch of 128: the fused
/// <see cref="FusedSgd.Step"/> against <see cref="Sgd.Step"/> of the gradients of
/// <see cref="Backpropagation.ValueAndGradient(Network, Parameters, Batch)"/> (the same numbers, bit for bit). Both run
/// on the process's compute backend, set with <c>FNN_BACKEND</c> and <c>FNN_THREADS</c> before the run.
/// </summary>
[MemoryDiagnoser]
public class TrainingStepBenchmarks
{
    private const double LearningRate = 0.01;
    private Network _network = null!;
    private Parameters _parameters = null!;
    private Batch _batch = null!;

    /// <summary>The network, its He-uniform parameters and a batch of 128 examples, from fixed seeds.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _network = BenchModels.Mlp();
        _parameters = BenchModels.HeUniform(_network, seed: 1);
        _batch = BenchModels.Classification(_network, rows: 128, seed: 2);
        Console.WriteLine($"// compute backend: {ComputeBackend.Current}");
    }

    /// <summary>The gradients handed out by the backward pass, then the update.</summary>
    [Benchmark(Baseline = true)]
    public Parameters SgdStepOfValueAndGradient() =>
        Sgd.Step(_parameters, Backpropagation.ValueAndGradient(_network, _parameters, _batch).Gradients, LearningRate);

    /// <summary>The loss and the new parameters, with the trace and gradients in scratch memory.</summary>
    [Benchmark]
    public SgdStepResult FusedSgdStep() => FusedSgd.Step(_network, _parameters, _batch, LearningRate);
}
