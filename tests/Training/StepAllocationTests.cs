using Functional.NN.Activations;
using Functional.NN.Initialization;
using Functional.NN.Losses;
using Functional.NN.Model;
using Functional.NN.Optimizers;
using Functional.NN.Randomness;
using Functional.NN.Training;
using Xunit;

namespace Functional.NN.Tests.Training;

/// <summary>
/// The tutorial's 2-2-2 step is about a microsecond, so what it allocates is most of what it costs: these budgets
/// hold it to its measured bytes (exact in .NET: the thread's allocation counter), a little above, so that a closure
/// or a LINQ chain slipped into the path fails a test instead of only a benchmark.
/// </summary>
public sealed class StepAllocationTests
{
    private static readonly Network Network = TutorialExample.Network;

    private static readonly Parameters Start = TutorialExample.Parameters;

    private static readonly Batch Batch = TutorialExample.Batch;

    private static long Allocated(Action action)
    {
        for (var i = 0; i < 200; i++) action(); // static initialization and tiering first
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++) action();
        return (GC.GetAllocatedBytesForCurrentThread() - before) / 100;
    }

    [Fact]
    public void An_sgd_step_on_the_tutorials_network_allocates_at_most_640_bytes()
    {
        var sgd = Optimizer.Sgd(0.5);
        var state = sgd.Init(Start);
        var gradients = Functional.NN.Passes.Backpropagation.Gradient(Network, Start, Batch);
        var bytes = Allocated(() => sgd.Step(Start, gradients, state));
        Assert.True(bytes <= 640, $"{bytes} bytes per step");
    }

    [Fact]
    public void A_tutorial_iteration_of_gradient_descent_allocates_at_most_2150_bytes()
    {
        var frozenBiasSgd = Transform.Chain(Transform.Freeze(ParameterMask.Biases(Network)), Optimizer.Sgd(0.5));
        using var states = Trainer.GradientDescent(Network, Start, Batch, frozenBiasSgd).GetEnumerator();
        var bytes = Allocated(() => states.MoveNext());
        Assert.True(bytes <= 2150, $"{bytes} bytes per iteration");
    }

    [Fact]
    public void A_training_step_gives_its_scratch_back_so_it_allocates_little_beyond_the_new_parameters()
    {
        // The trace, deltas and gradients of 32-256-256-4 on 64 rows are about 600 KB of scratch per step; rented
        // and given back, a step allocates the new parameters and about 25 KB of small arrays and objects (measured);
        // kept instead of given back, it would allocate about 2 MB.
        var network = Network.Create(32, Loss.MeanSquaredError, (256, Activation.Relu), (256, Activation.Relu), (4, Activation.Identity)).ThrowIfFail();
        var parameters = Initializer.XavierUniform.Initialize(network, RandomKey.FromSeed(1));
        var random = new Random(2);
        double[][] Rows(int columns) => Enumerable.Range(0, 64).Select(_ => Enumerable.Range(0, columns).Select(_ => random.NextDouble()).ToArray()).ToArray();
        var batch = Batch.Create(network, Rows(32), Rows(4)).ThrowIfFail();
        var sgd = Optimizer.Sgd(0.01);
        var state = sgd.Init(parameters);
        var parameterBytes = 8L * (32 * 256 + 256 + 256 * 256 + 256 + 256 * 4 + 4);
        var bytes = Allocated(() => TrainingStep.Run(network, sgd, parameters, state, batch));
        Assert.True(bytes <= parameterBytes + 64 * 1024, $"{bytes} bytes per step, {parameterBytes} of them the new parameters");
    }
}
