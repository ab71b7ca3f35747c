using Functional.NN.Activations;
using Functional.NN.Initialization;
using Functional.NN.Losses;
using Functional.NN.Model;
using Functional.NN.Optimizers;
using Functional.NN.Passes;
using Functional.NN.Randomness;
using Functional.NN.Tensors;
using Functional.NN.Tests.Compute;
using Functional.NN.Training;
using Xunit;

namespace Functional.NN.Tests.Training;

/// <summary>
/// The determinism contract in float32: training steps on 2 and 3 threads give the bits of 1 thread (the forward
/// pass cut into blocks of rows, the backward pair side by side, products split across threads, the optimizer's
/// tensors split), and a float32 run is float32 arithmetic, not float64 rounded at the end.
/// </summary>
public sealed class Float32ThreadSplitTests
{
    private static readonly Network Net = Network.Create(48, Loss.SoftmaxCrossEntropy,
        (128, Activation.Tanh), (64, Activation.Relu), (3, Activation.Softmax)).ThrowIfFail();

    private static Batch<float> Batch(int rows)
    {
        var random = new Random(rows);
        var inputs = Tensor<float>.Build(rows, 48, (_, _) => (float)(4 * random.NextDouble() - 2));
        var targets = Tensor<float>.Build(rows, 3, (r, c) => c == r % 3 ? 1f : 0f);
        return Batch<float>.Create(Net, inputs, targets).ThrowIfFail();
    }

    private static string Train(Functional.NN.Compute.ComputeBackend backend, GradientTransformation optimizer, int rows, int steps)
    {
        var parameters = Initializer.HeUniform.Initialize<float>(Net, RandomKey.FromSeed(11), Initializer.Uniform(-0.5, 0.5));
        var state = optimizer.InitialState(parameters);
        var batch = Batch(rows);
        for (var i = 0; i < steps; i++)
        {
            var result = TrainingStep.Run(backend, Net, optimizer, parameters, state, batch);
            (parameters, state) = (result.Parameters, result.OptimizerState);
        }
        return parameters.ContentHash() + state.ContentHash();
    }

    [Theory]
    [InlineData(128)]
    [InlineData(131)]
    [InlineData(1000)]
    public void Adam_steps_on_two_and_three_threads_give_the_bits_of_one(int rows)
    {
        var optimizer = Optimizer.Adam(0.01);
        var one = Train(Backends.Managed1, optimizer, rows, 5);
        Assert.Equal(one, Train(Backends.Managed2, optimizer, rows, 5));
        Assert.Equal(one, Train(Backends.Managed3, optimizer, rows, 5));
    }

    [Fact]
    public void Clipped_sgd_steps_on_two_and_three_threads_give_the_bits_of_one()
    {
        var optimizer = Transform.Chain(Transform.ClipByGlobalNorm(0.5), Optimizer.Sgd(0.1));
        var one = Train(Backends.Managed1, optimizer, 300, 5);
        Assert.Equal(one, Train(Backends.Managed2, optimizer, 300, 5));
        Assert.Equal(one, Train(Backends.Managed3, optimizer, 300, 5));
    }

    [Fact]
    public void The_float32_forward_pass_on_threads_is_the_float32_pass_of_one_thread()
    {
        var parameters = Initializer.HeUniform.Initialize<float>(Net, RandomKey.FromSeed(5));
        var inputs = Batch(1000).Inputs;
        var one = ForwardPass.Run(Backends.Managed1, Net, parameters, inputs);
        foreach (var backend in new[] { Backends.Managed2, Backends.Managed3 })
        {
            var many = ForwardPass.Run(backend, Net, parameters, inputs);
            for (var l = 0; l < one.Trace.Length; l++)
            {
                Assert.Equal(one.Trace[l].Z, many.Trace[l].Z);
                Assert.Equal(one.Trace[l].A, many.Trace[l].A);
            }
        }
    }
}
