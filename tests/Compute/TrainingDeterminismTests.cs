using Functional.NN.Activations;
using Functional.NN.Losses;
using Functional.NN.Model;
using Functional.NN.Optimizers;
using Functional.NN.Passes;
using Functional.NN.Tensors;
using Functional.NN.Training;
using Xunit;

namespace Functional.NN.Tests.Compute;

/// <summary>Speed-ups must not change results: reruns are bit-identical, backends agree, the tutorial's figure holds.</summary>
public sealed class TrainingDeterminismTests
{
    [Fact]
    public void Two_training_runs_give_the_same_content_hash()
    {
        var (network, initial, batch) = Classifier();
        string Run() => Trainer.GradientDescent(network, initial, batch, 0.05).Take(31).Last().Parameters.ContentHash();
        Assert.Equal(Run(), Run());
    }

    [SkippableTheory]
    [MemberData(nameof(Backends.Names), MemberType = typeof(Backends))]
    public void Two_training_runs_on_one_backend_are_bit_identical(string backendName)
    {
        var backend = Backends.Named(backendName);
        var (network, initial, batch) = Classifier();
        string Run()
        {
            var p = initial;
            for (var i = 0; i < 20; i++) p = GradientDescentStep.Apply(p, Backpropagation.ValueAndGradient(backend, network, p, batch).Gradients, 0.05);
            return p.ContentHash();
        }
        Assert.Equal(Run(), Run());
    }

    [SkippableFact]
    public void The_backends_agree_on_a_training_run_to_rounding()
    {
        var (network, initial, batch) = Classifier();
        Parameters Run(Functional.NN.Compute.ComputeBackend backend)
        {
            var p = initial;
            for (var i = 0; i < 20; i++) p = GradientDescentStep.Apply(p, Backpropagation.ValueAndGradient(backend, network, p, batch).Gradients, 0.05);
            return p;
        }
        var managed = Run(Backends.Managed1);
        var blas = Run(Backends.Named("openblas"));
        for (var l = 0; l < managed.Count; l++)
            for (var i = 0; i < managed[l].Weights.Length; i++)
                Assert.True(Math.Abs(managed[l].Weights.Span[i] - blas[l].Weights.Span[i]) <= 1e-10, $"layer {l + 1} W[{i}]");
    }

    [Fact]
    public void The_tutorial_network_after_10000_standard_steps_has_the_known_loss()
    {
        var network = Network.Create(2, Loss.HalfSumSquaredError, (2, Activation.Sigmoid), (2, Activation.Sigmoid)).ThrowIfFail();
        var parameters = Parameters.Create(network, [([[0.15, 0.2], [0.25, 0.3]], [0.35, 0.35]), ([[0.4, 0.45], [0.5, 0.55]], [0.6, 0.6])]).ThrowIfFail();
        var batch = Batch.Create(network, [[0.05, 0.1]], [[0.01, 0.99]]).ThrowIfFail();
        var last = Trainer.GradientDescent(network, parameters, batch, Transform.Chain(Transform.Freeze(ParameterMask.Biases(network)), Optimizer.Sgd(0.5))).Take(10_001).Last();
        Assert.Equal(10_000, last.Step);
        Assert.Equal(3.5101877829788e-05, last.Loss, 1e-17);
        Assert.Equal(parameters[0].Bias, last.Parameters[0].Bias);
    }

    [Fact]
    public void Predict_gives_exactly_the_output_of_the_full_forward_pass()
    {
        var (network, parameters, batch) = Classifier();
        Assert.Equal(ForwardPass.Run(network, parameters, batch.Inputs).Output, ForwardPass.Predict(network, parameters, batch.Inputs));
    }

    /// <summary>A 60-48-32-10 classifier on 40 examples: every product takes the blocked kernels.</summary>
    private static (Network, Parameters, Batch) Classifier() =>
        TestClassifier.Create(60, (48, Activation.Tanh), (32, Activation.Relu), rows: 40, seed: 7);
}
