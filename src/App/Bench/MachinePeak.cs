using System.Diagnostics;
using Functional.NN.Model;
using Functional.NN.Tensors;

namespace Functional.NN.App.Bench;

/// <summary>
/// The machine's matrix-multiply speed at this moment, measured through the core's backend (with its thread
/// count) on a large square product, and the throughput limits it implies. On shared machines the speed of a
/// core changes from minute to minute, so each repeat of a workload is set against a peak measured just before it.
/// </summary>
internal static class MachinePeak
{
    private const int Size = 1024;
    private static readonly Lazy<(Tensor A, Tensor B)> Operands = new(() =>
    {
        var random = new Random(11);
        Tensor Random() => Tensor.Build(Size, Size, (_, _) => random.NextDouble() - 0.5);
        return (Random(), Random());
    });

    /// <summary>Floating-point operations per second of the best of three 1024 x 1024 x 1024 products, in GFLOP/s.</summary>
    public static double Gflops()
    {
        var (a, b) = Operands.Value;
        TensorAlgebra.Multiply(a, b);
        var best = double.MaxValue;
        for (var i = 0; i < 3; i++)
        {
            var clock = Stopwatch.StartNew();
            TensorAlgebra.Multiply(a, b);
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }
        return 2.0 * Size * Size * Size / best / 1e9;
    }

    /// <summary>Multiply-add work of one example's forward pass: 2 · Σ_l in_l · out_l.</summary>
    public static double ForwardFlopsPerSample(Network network) =>
        Enumerable.Range(0, network.Layers.Length).Sum(l => 2.0 * network.InputsOf(l) * network.Layers[l].Units);

    /// <summary>
    /// Multiply-add work of one example's training step: the forward pass, the weight gradients (as much again)
    /// and the deltas of every layer but the first (the input gradient is never formed).
    /// </summary>
    public static double TrainingFlopsPerSample(Network network) =>
        2 * ForwardFlopsPerSample(network) +
        Enumerable.Range(1, network.Layers.Length - 1).Sum(l => 2.0 * network.InputsOf(l) * network.Layers[l].Units);
}
