using Functional.NN.App.Bench;
using BenchmarkDotNet.Attributes;
using Functional.NN.Compute;
using Functional.NN.Model;
using Functional.NN.Optimizers;
using Functional.NN.Passes;
using Functional.NN.Training;

namespace Functional.NN.Benchmarks;

/// <summary>
/// Time and allocated bytes of one training step of the 784-256-128-10 network on a batch of 128, with SGD and with
/// Adam (the optimizers of <c>fnn bench mlp</c>): <see cref="TrainingStep.Run(Network, GradientTransformation, Parameters, OptimizerState, Batch)"/>
/// against the optimizer's <see cref="GradientTransformation.Update"/> and <see cref="Parameters.Apply(Gradients)"/> on the
/// gradients of <see cref="Backpropagation.ValueAndGradient(Network, Parameters, Batch)"/> (the same numbers, bit for bit).
/// Both run on the process's compute backend, set with <c>FNN_BACKEND</c> and <c>FNN_THREADS</c> before the run.
/// </summary>
[MemoryDiagnoser]
public class TrainingStepBenchmarks
{
    private Network _network = null!;
    private Parameters _parameters = null!;
    private Batch _batch = null!;
    private GradientTransformation _optimizer = null!;
    private OptimizerState _state = null!;

    /// <summary>The optimizer: <c>sgd</c> or <c>adam</c>.</summary>
    [Params("sgd", "adam")]
    public string Optimizer { get; set; } = "sgd";

    /// <summary>The network, its He-uniform parameters, a batch of 128 examples and the optimizer's state after one step, from fixed seeds.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _network = BenchModels.Mlp();
        _parameters = BenchModels.HeUniform(_network, seed: 1);
        _batch = BenchModels.Classification(_network, rows: 128, seed: 2);
        _optimizer = BenchModels.MlpOptimizer(Optimizer);
        _state = TrainingStep.Run(_network, _optimizer, _parameters, _optimizer.Init(_parameters), _batch).OptimizerState;
        Console.WriteLine($"// compute backend: {ComputeBackend.Current}");
    }

    /// <summary>The gradients handed out by the backward pass, then the optimizer tree by tree, then the updates applied.</summary>
    [Benchmark(Baseline = true)]
    public Parameters UpdateAndApplyOfValueAndGradient()
    {
        var (updates, _) = _optimizer.Update(Backpropagation.ValueAndGradient(_network, _parameters, _batch).Gradients, _state, _parameters);
        return _parameters.Apply(updates);
    }

    /// <summary>The training step: trace and gradients in scratch memory, the optimizer in one pass.</summary>
    [Benchmark]
    public StepResult TrainingStepRun() => TrainingStep.Run(_network, _optimizer, _parameters, _state, _batch);
}
