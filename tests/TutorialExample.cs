using Functional.NN.Activations;
using Functional.NN.Losses;
using Functional.NN.Model;
using Functional.NN.Tensors;

namespace Functional.NN.Tests;

/// <summary>
/// The worked example of ../shared/seed/NOTES.md §5: a 2-2-2 sigmoid network with the tutorial's
/// weights, per-unit biases [0.35, 0.35] and [0.60, 0.60], inputs [0.05, 0.10], targets [0.01, 0.99],
/// and E = Σ ½(t - y)².
/// </summary>
public static class TutorialExample
{
    public static Network Network { get; } =
        Network.Create(2, Loss.HalfSumSquaredError, (2, Activation.Sigmoid), (2, Activation.Sigmoid)).ThrowIfFail();

    /// <summary>W1 = [[w1, w2], [w3, w4]], W2 = [[w5, w6], [w7, w8]]: one row per unit.</summary>
    public static Parameters Parameters { get; } = Parameters.Create(Network, new (double[][], double[])[]
    {
        ([[0.15, 0.20], [0.25, 0.30]], [0.35, 0.35]),
        ([[0.40, 0.45], [0.50, 0.55]], [0.60, 0.60]),
    }).ThrowIfFail();

    public static Tensor Inputs { get; } = Tensor.FromRows([[0.05, 0.10]]).ThrowIfFail();

    public static Tensor Targets { get; } = Tensor.FromRows([[0.01, 0.99]]).ThrowIfFail();

    public static Batch Batch { get; } = Batch.Create(Network, Inputs, Targets).ThrowIfFail();

    /// <summary>The tutorial's learning rate η.</summary>
    public const double LearningRate = 0.5;
}
