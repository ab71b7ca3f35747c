using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Functional.NN.Activations;
using Functional.NN.Compute;
using Functional.NN.Losses;
using Functional.NN.Model;
using Functional.NN.Optimizers;
using Functional.NN.Passes;
using Functional.NN.Tensors;
using Functional.NN.Training;
using Functional.NN.Tests.Compute;
using Functional.NN.Tests.Properties;
using Xunit;

namespace Functional.NN.Tests.Optimizers;

/// <summary>
/// <see cref="FusedSgd.Step"/> is, bit for bit, the loss and the SGD step of the unfused passes
/// (<c>GradientDescentStep.Apply(p, ValueAndGradient(p).Gradients, η)</c>), on every backend and thread count, however its
/// scratch memory was used before.
/// </summary>
[Properties(Arbitrary = [typeof(Arbitraries)], MaxTest = 60)]
public sealed class FusedSgdProperties
{
    private const double LearningRate = 0.1;

    [Property]
    public Property The_fused_step_is_the_unfused_step_bit_for_bit(Case c, bool freezeBiases) =>
        SameAsUnfused(Backends.Managed1, c.Network, c.Parameters, c.Batch, freezeBiases)
            .Label("the fused step differs from Sgd.Step of ValueAndGradient");

    [SkippableTheory]
    [InlineData("managed", 2)]
    [InlineData("managed", 3)]
    [InlineData("openblas", 2)]
    [InlineData("openblas", 3)]
    public void Large_layers_split_across_threads_give_the_unfused_step_bit_for_bit(string backendName, int threads)
    {
        // Wide enough that every product and the update are split across the backend's threads (on two threads
        // a layer's gradient and the delta below it also run side by side).
        Skip.If(backendName == "openblas" && Backends.OpenBlas is null, "OpenBLAS is not installed");
        var backend = (backendName, threads) switch
        {
            ("managed", 2) => Backends.Managed2,
            ("managed", _) => Backends.Managed3,
            (_, 2) => Backends.OpenBlas2!,
            _ => Backends.OpenBlas3!,
        };
        var network = Network.Create(300, Loss.SoftmaxCrossEntropy,
            (200, Activation.Relu), (120, Activation.Tanh), (10, Activation.Softmax)).ThrowIfFail();
        var (parameters, batch) = Mlp(network, rows: 96, seed: 4);
        foreach (var freeze in new[] { false, true })
            Assert.True(SameAsUnfused(backend, network, parameters, batch, freeze), $"freeze biases: {freeze}");
    }

    [Fact]
    public void Stale_scratch_from_other_networks_never_leaks_into_a_step()
    {
        var small = Network.Create(5, Loss.MeanSquaredError, (7, Activation.Sigmoid), (3, Activation.Identity)).ThrowIfFail();
        var large = Network.Create(40, Loss.SoftmaxCrossEntropy, (64, Activation.Elu), (4, Activation.Softmax)).ThrowIfFail();
        var (p, b) = Mlp(small, rows: 9, seed: 1);
        var (pLarge, bLarge) = Mlp(large, rows: 50, seed: 2);
        var alone = Steps(small, p, b);
        // The large network's steps fill the pool with buffers of other contents and lengths.
        FusedSgd.Step(Backends.Managed1, large, pLarge, bLarge, LearningRate);
        var afterOthers = Steps(small, p, b);
        Assert.Equal(alone.Select(s => s.Loss), afterOthers.Select(s => s.Loss));
        Assert.Equal(alone.Select(s => s.Parameters.ContentHash()), afterOthers.Select(s => s.Parameters.ContentHash()));
    }

    [Fact]
    public void Parameters_that_do_not_fit_are_refused()
    {
        var network = Network.Create(3, Loss.MeanSquaredError, (2, Activation.Tanh), (1, Activation.Identity)).ThrowIfFail();
        var other = Network.Create(3, Loss.MeanSquaredError, (4, Activation.Tanh), (1, Activation.Identity)).ThrowIfFail();
        var (_, batch) = Mlp(network, rows: 2, seed: 1);
        var (wrong, _) = Mlp(other, rows: 2, seed: 1);
        var error = Assert.Throws<ArgumentException>(() => FusedSgd.Step(network, wrong, batch, LearningRate));
        Assert.Contains("do not fit", error.Message);
    }

    private static bool SameAsUnfused(ComputeBackend backend, Network network, Parameters parameters, Batch batch, bool freezeBiases)
    {
        var sgd = freezeBiases
            ? Transform.Chain(Transform.Freeze(ParameterMask.Biases(network)), Optimizer.Sgd(LearningRate))
            : Optimizer.Sgd(LearningRate);
        var fused = freezeBiases
            ? TrainingStep.Run(backend, network, sgd, parameters, sgd.Init(parameters), batch).Parameters
            : FusedSgd.Step(backend, network, parameters, batch, LearningRate).Parameters;
        var reference = Backpropagation.ValueAndGradient(backend, network, parameters, batch);
        var stepped = sgd.Step(parameters, reference.Gradients, sgd.Init(parameters)).Parameters;
        var loss = TrainingStep.Run(backend, network, sgd, parameters, sgd.Init(parameters), batch).Loss;
        return loss.Equals(reference.Value) && fused.ContentHash() == stepped.ContentHash();
    }

    private static List<SgdStepResult> Steps(Network network, Parameters parameters, Batch batch)
    {
        var results = new List<SgdStepResult>();
        for (var i = 0; i < 3; i++)
        {
            results.Add(FusedSgd.Step(Backends.Managed1, network, parameters, batch, LearningRate));
            parameters = results[^1].Parameters;
        }
        return results;
    }

    private static (Parameters, Batch) Mlp(Network network, int rows, int seed)
    {
        var random = new Random(seed);
        Tensor Random(int r, int c) => Tensor.Build(r, c, (_, _) => random.NextDouble() - 0.5);
        var layers = Enumerable.Range(0, network.Layers.Length)
            .Select(l => new LayerTensors(Random(network.Layers[l].Units, network.InputsOf(l)), Random(1, network.Layers[l].Units)));
        var parameters = Parameters.Create(network, layers).ThrowIfFail();
        var classes = network.OutputSize;
        var targets = network.Loss is SoftmaxCrossEntropy
            ? Tensor.Build(rows, classes, (r, j) => (r * 7 + seed) % classes == j ? 1.0 : 0.0)
            : Random(rows, classes);
        return (parameters, Batch.Create(network, Random(rows, network.InputSize), targets).ThrowIfFail());
    }
}
