using Functional.NN.Activations;
using Functional.NN.Losses;
using Functional.NN.Model;
using Functional.NN.Optimizers;
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
    private static readonly Network Network =
        Network.Create(2, Loss.HalfSumSquaredError, (2, Activation.Sigmoid), (2, Activation.Sigmoid)).ThrowIfFail();

    private static readonly Parameters Start = Parameters.Create(Network,
        [([[0.15, 0.2], [0.25, 0.3]], [0.35, 0.35]), ([[0.4, 0.45], [0.5, 0.55]], [0.6, 0.6])]).ThrowIfFail();

    private static readonly Batch Batch = Batch.Create(Network, [[0.05, 0.1]], [[0.01, 0.99]]).ThrowIfFail();

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
}
