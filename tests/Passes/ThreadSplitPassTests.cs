using Functional.NN.Activations;
using Functional.NN.Initialization;
using Functional.NN.Losses;
using Functional.NN.Model;
using Functional.NN.Passes;
using Functional.NN.Randomness;
using Functional.NN.Tensors;
using Functional.NN.Tests.Compute;
using Xunit;

namespace Functional.NN.Tests.Passes;

/// <summary>
/// The passes split across threads give the bits of one thread: the forward pass cut into blocks of rows (2 and 3
/// blocks, so that a block starts inside the batch at an uneven row), and the backward pass running a layer's
/// gradient and the delta below side by side. The batch is large enough for both splits to happen on the managed
/// backend (forward work 128·(48·128 + 128·64 + 64·3) ≥ 2^18; the middle layer's 128·64·128 = 2^20 for the pair).
/// </summary>
public sealed class ThreadSplitPassTests
{
    private static readonly Network Net = Network.Create(48, Loss.SoftmaxCrossEntropy,
        (128, Activation.Tanh), (64, Activation.Relu), (3, Activation.Softmax)).ThrowIfFail();

    private static readonly Parameters Weights =
        Initializer.HeUniform.Initialize(Net, RandomKey.FromSeed(11), Initializer.Uniform(-0.5, 0.5));

    private static Tensor Inputs(int rows)
    {
        var random = new Random(rows);
        return Tensor.FromRows(Enumerable.Range(0, rows)
            .Select(_ => Enumerable.Range(0, 48).Select(_ => 4 * random.NextDouble() - 2).ToArray()).ToArray()).ThrowIfFail();
    }

    [Theory]
    [InlineData(128)]
    [InlineData(131)]
    public void Forward_blocks_of_rows_on_two_and_three_threads_give_the_bits_of_one(int rows)
    {
        var inputs = Inputs(rows);
        var one = ForwardPass.Run(Backends.Managed1, Net, Weights, inputs);
        foreach (var backend in new[] { Backends.Managed2, Backends.Managed3 })
        {
            var split = ForwardPass.Run(backend, Net, Weights, inputs);
            for (var l = 0; l < Net.Layers.Length; l++)
            {
                Assert.Equal(one.Trace[l].Z.ToArray(), split.Trace[l].Z.ToArray());
                Assert.Equal(one.Trace[l].A.ToArray(), split.Trace[l].A.ToArray());
            }
            Assert.Equal(one.Output.ToArray(), ForwardPass.Predict(backend, Net, Weights, inputs).ToArray());
        }
    }

    [Fact]
    public void Backward_side_by_side_on_two_threads_gives_the_bits_of_one()
    {
        var inputs = Inputs(128);
        var labels = Enumerable.Range(0, 128).Select(r => r * 5 % 3).ToArray();
        var batch = Batch.Create(Net, inputs, ClassLabels.OneHot(labels, 3).ThrowIfFail()).ThrowIfFail();
        var one = Backpropagation.ValueAndGradient(Backends.Managed1, Net, Weights, batch);
        var two = Backpropagation.ValueAndGradient(Backends.Managed2, Net, Weights, batch);
        Assert.Equal(one.Value, two.Value);
        for (var l = 0; l < Net.Layers.Length; l++)
        {
            Assert.Equal(one.Gradients[l].Weights.ToArray(), two.Gradients[l].Weights.ToArray());
            Assert.Equal(one.Gradients[l].Bias.ToArray(), two.Gradients[l].Bias.ToArray());
        }
    }
}
