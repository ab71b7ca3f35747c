using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Functional.NN.Activations;
using Functional.NN.Losses;
using Functional.NN.Model;
using Functional.NN.Optimizers;
using Functional.NN.Passes;
using Functional.NN.Tensors;
using Functional.NN.Tests.Compute;
using Functional.NN.Tests.Optimizers;
using Functional.NN.Tests.Properties;
using Functional.NN.Training;
using Xunit;

namespace Functional.NN.Tests.Training;

/// <summary>
/// <see cref="TrainingStep"/> is, bit for bit, the unfused path: the loss and gradient of
/// <see cref="Backpropagation.ValueAndGradient(Network, Parameters, Batch)"/>, then the optimizer's tree-level
/// <see cref="GradientTransformation.Update"/> (one transformation, one tree at a time) and
/// <see cref="Parameters.Apply(Gradients)"/>; for every optimizer, schedule, clipping, mask and random network,
/// over several steps, on every backend and thread count.
/// </summary>
[Properties(Arbitrary = [typeof(Arbitraries)], MaxTest = 40)]
public sealed class TrainingStepProperties
{
    /// <summary>Every optimizer case, frozen biases and weights, clipping after Adam (not element-wise) and an opaque user transformation.</summary>
    private static IReadOnlyList<GradientTransformation> Optimizers(Network network) =>
    [
        .. OptimizerCase.All.Select(c => c.Transformation),
        Transform.Chain(Transform.Freeze(ParameterMask.Biases(network)), Optimizer.Sgd(0.1)),
        Transform.Chain(Transform.Freeze(ParameterMask.Weights(network)), Optimizer.Adam(0.01)),
        Transform.Chain(Transform.Masked(Transform.ScaleByAdam(), ParameterMask.Weights(network)), Transform.ScaleByLearningRate(0.05)),
        Transform.Chain(Transform.ScaleByAdam(), Transform.ClipByGlobalNorm(0.01), Transform.ScaleByLearningRate(0.1)),
        Transform.Chain(Transform.ClipByGlobalNorm(0.05), Transform.ScaleByMomentum(0.9, nesterov: true), Transform.AddDecayedWeights(0.1),
            Transform.ScaleByLearningRate(Schedule.Exponential(0.1, 0.5))),
        Opaque(Optimizer.RmsProp(0.01)),
    ];

    [Property]
    public Property The_step_is_value_and_gradient_then_update_and_apply_bit_for_bit(Case c) =>
        Optimizers(c.Network).All(o => SameAsUnfused(Backends.Managed1, c.Network, o, c.Parameters, c.Batch, steps: 3))
            .Label("a training step differs from ValueAndGradient, Update and Apply");

    [SkippableTheory]
    [InlineData("managed", 2)]
    [InlineData("managed", 3)]
    [InlineData("openblas", 2)]
    public void Large_layers_split_across_threads_give_the_unfused_numbers(string backendName, int threads)
    {
        Skip.If(backendName == "openblas" && Backends.OpenBlas is null, "OpenBLAS is not installed");
        var backend = (backendName, threads) switch
        {
            ("managed", 2) => Backends.Managed2,
            ("managed", _) => Backends.Managed3,
            _ => Backends.OpenBlas2!,
        };
        var network = Network.Create(300, Loss.SoftmaxCrossEntropy,
            (200, Activation.Relu), (120, Activation.Tanh), (10, Activation.Softmax)).ThrowIfFail();
        var random = new Random(5);
        Tensor Random(int r, int c) => Tensor.Build(r, c, (_, _) => random.NextDouble() - 0.5);
        var parameters = Parameters.Create(network, Enumerable.Range(0, 3)
            .Select(l => new LayerTensors(Random(network.Layers[l].Units, network.InputsOf(l)), Random(1, network.Layers[l].Units)))).ThrowIfFail();
        var batch = Batch.Create(network, Random(96, 300), Tensor.Build(96, 10, (r, j) => r % 10 == j ? 1 : 0)).ThrowIfFail();
        foreach (var optimizer in Optimizers(network))
            Assert.True(SameAsUnfused(backend, network, optimizer, parameters, batch, steps: 2), optimizer.Name);
    }

    [Fact]
    public void A_step_leaves_its_inputs_unchanged_and_repeats_exactly()
    {
        var network = Network.Create(4, Loss.MeanSquaredError, (6, Activation.Elu), (3, Activation.Identity)).ThrowIfFail();
        var parameters = Parameters.Create(network, [
            (Enumerable.Range(0, 6).Select(u => Enumerable.Range(0, 4).Select(i => 0.1 * (u - i)).ToArray()).ToArray(), new double[6]),
            (Enumerable.Range(0, 3).Select(u => Enumerable.Range(0, 6).Select(i => 0.05 * (u + i) - 0.2).ToArray()).ToArray(), [0.1, 0.2, 0.3]),
        ]).ThrowIfFail();
        var batch = Batch.Create(network, [[1, 2, 3, 4], [-1, 0.5, 0, 2]], [[0.5, -0.5, 1], [0, 1, 2]]).ThrowIfFail();
        var adam = Optimizer.AdamW(0.01);
        var state = adam.Init(parameters);
        var (p, s) = (parameters.ContentHash(), state.ContentHash());
        var first = TrainingStep.Run(network, adam, parameters, state, batch);
        var second = TrainingStep.Run(network, adam, parameters, state, batch);
        Assert.Equal(p, parameters.ContentHash());
        Assert.Equal(s, state.ContentHash());
        Assert.Equal(first, second);
        Assert.NotEqual(p, first.Parameters.ContentHash());
    }

    /// <summary>Runs <paramref name="steps"/> steps both ways from the optimizer's initial state; true when every loss, parameter and state agrees.</summary>
    private static bool SameAsUnfused(global::Functional.NN.Compute.ComputeBackend backend, Network network, GradientTransformation optimizer,
        Parameters parameters, Batch batch, int steps)
    {
        var (p, s) = (parameters, optimizer.Init(parameters));
        var (q, t) = (parameters, optimizer.Init(parameters));
        for (var k = 0; k < steps; k++)
        {
            var fused = TrainingStep.Run(backend, network, optimizer, p, s, batch);
            var reference = Backpropagation.ValueAndGradient(backend, network, q, batch);
            var (updates, next) = optimizer.Update(reference.Gradients, t, q);
            (q, t) = (q.Apply(updates), next);
            (p, s) = (fused.Parameters, fused.OptimizerState);
            if (!fused.Loss.Equals(reference.Value) || p.ContentHash() != q.ContentHash() || s.ContentHash() != t.ContentHash())
                return false;
        }
        return true;
    }

    /// <summary>The same functions through the public constructor, so without an element-wise form.</summary>
    private static GradientTransformation Opaque(GradientTransformation inner) => new("opaque " + inner.Name, inner.Init, inner.Update);
}
