using Functional.NN.Activations;
using Functional.NN.Compute;
using Functional.NN.Losses;
using Functional.NN.Model;
using Functional.NN.Optimizers;
using Functional.NN.Passes;
using Functional.NN.Tensors;
using Xunit;

namespace Functional.NN.Tests.Compute;

/// <summary>
/// The passes split across threads (rows of the batch in the forward pass; gradient and delta side by side in the
/// backward pass; blocks of each product) keep their promises: the same trace from every forward path, and on the
/// managed backend the same bits on any number of threads.
/// </summary>
public sealed class ThreadSplitTests
{
    public static IEnumerable<object[]> Threads() => [["managed", 2], ["managed", 3], ["openblas", 2], ["openblas", 3]];

    [SkippableTheory]
    [MemberData(nameof(Threads))]
    public void Predict_gives_exactly_the_output_of_the_full_forward_pass_when_rows_are_split(string backendName, int threads)
    {
        var backend = Backend(backendName, threads);
        var (network, parameters, batch) = WideClassifier();
        Assert.Equal(ForwardPass.Run(backend, network, parameters, batch.Inputs).Output,
            ForwardPass.Predict(backend, network, parameters, batch.Inputs));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void The_managed_backend_gives_the_same_bits_on_any_number_of_threads(int threads)
    {
        var (network, parameters, batch) = WideClassifier();
        var one = Backpropagation.ValueAndGradient(Backends.Managed1, network, parameters, batch);
        var many = Backpropagation.ValueAndGradient(threads == 2 ? Backends.Managed2 : Backends.Managed3, network, parameters, batch);
        Assert.Equal(one.Value, many.Value);
        Assert.True(one.Forward.Trace.SequenceEqual(many.Forward.Trace), "forward traces differ between 1 and more threads");
        Assert.True(one.Gradients.Equals(many.Gradients), "gradients differ between 1 and more threads");
    }

    [SkippableTheory]
    [MemberData(nameof(Threads))]
    public void Split_passes_agree_with_one_thread_to_rounding(string backendName, int threads)
    {
        var (network, parameters, batch) = WideClassifier();
        var one = Backpropagation.ValueAndGradient(Backend(backendName, 1), network, parameters, batch);
        var many = Backpropagation.ValueAndGradient(Backend(backendName, threads), network, parameters, batch);
        Assert.Equal(one.Value, many.Value, 1e-12);
        for (var l = 0; l < network.Layers.Length; l++)
        {
            var (a, b) = (one.Gradients[l].Weights.ToArray(), many.Gradients[l].Weights.ToArray());
            for (var i = 0; i < a.Length; i++)
                Assert.True(Math.Abs(a[i] - b[i]) <= 1e-12 * Math.Max(1, Math.Abs(a[i])), $"layer {l + 1} W[{i}]: {a[i]} vs {b[i]}");
        }
    }

    [SkippableTheory]
    [InlineData("managed")]
    [InlineData("openblas")]
    public void Callers_on_many_threads_sharing_one_backend_get_the_numbers_of_one_caller(string backendName)
    {
        // Four callers at once compete for the backend's two-thread team: a loop that finds it busy runs on its
        // caller's thread, and the numbers are those of the split it would have had.
        var backend = Backend(backendName, 2);
        var (network, parameters, batch) = WideClassifier();
        var expected = Enumerable.Range(0, 3).Select(i => FusedSgd.Step(backend, network, parameters, batch, 0.05 * (i + 1))).ToList();
        var results = new SgdStepResult[4, 3];
        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, caller =>
        {
            for (var i = 0; i < 3; i++) results[caller, i] = FusedSgd.Step(backend, network, parameters, batch, 0.05 * (i + 1));
        });
        for (var caller = 0; caller < 4; caller++)
            for (var i = 0; i < 3; i++)
            {
                Assert.Equal(expected[i].Loss, results[caller, i].Loss);
                Assert.Equal(expected[i].Parameters.ContentHash(), results[caller, i].Parameters.ContentHash());
            }
    }

    private static ComputeBackend Backend(string name, int threads)
    {
        if (name == "managed") return threads switch { 1 => Backends.Managed1, 2 => Backends.Managed2, _ => Backends.Managed3 };
        Skip.If(Backends.OpenBlas is null, "OpenBLAS is not installed");
        return threads switch { 1 => Backends.OpenBlas1!, 2 => Backends.OpenBlas2!, _ => Backends.OpenBlas3! };
    }

    /// <summary>A 200-128-96-10 classifier on 150 examples: enough work for every split (layer 2's pair has 1.8M multiply-adds).</summary>
    private static (Network, Parameters, Batch) WideClassifier() =>
        TestClassifier.Create(200, (128, Activation.Gelu), (96, Activation.Relu), rows: 150, seed: 9);
}
