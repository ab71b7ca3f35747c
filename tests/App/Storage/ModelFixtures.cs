using Functional.NN.Activations;
using Functional.NN.Losses;
using Functional.NN.Model;
using LanguageExt;

namespace Functional.NN.Tests.App.Storage;

/// <summary>Small networks and parameters with awkward numbers for the model-file tests.</summary>
public static class ModelFixtures
{
    /// <summary>2-3-2, tanh then softmax, softmax cross-entropy.</summary>
    public static Network Classifier { get; } =
        Network.Create(2, Loss.SoftmaxCrossEntropy, (3, Activation.Tanh), (2, Activation.Softmax)).ThrowIfFail();

    /// <summary>3-4-4-1, relu, sigmoid, identity, mean squared error.</summary>
    public static Network Regressor { get; } =
        Network.Create(3, Loss.MeanSquaredError, (4, Activation.Relu), (4, Activation.Sigmoid), (1, Activation.Identity)).ThrowIfFail();

    /// <summary>
    /// Parameters for <see cref="Classifier"/> holding numbers that text formats get wrong: negative zero,
    /// the smallest subnormal, the largest double, 0.1 + 0.2, and a number with all 17 significant digits.
    /// </summary>
    public static Parameters ClassifierParameters { get; } = Parameters.Create(Classifier,
    [
        (new[] { new[] { -0.0, double.Epsilon }, [double.MaxValue, 0.1 + 0.2], [-1.2345678901234567e-300, 1.0 / 3.0] },
            new[] { 0.0, -double.Epsilon, Math.PI }),
        (new[] { new[] { 1.0, -1.0, 2.5e-8 }, [Math.E, -0.0, 123456789.123456789] }, new[] { -0.5, 0.25 }),
    ]).ThrowIfFail();

    /// <summary>Parameters for <paramref name="network"/> whose numbers come from a simple deterministic formula.</summary>
    public static Parameters Counting(Network network, double scale = 0.01) =>
        Parameters.Zeros(network).Map(t => Functional.NN.Tensors.Tensor<double>.Build(t.Rows, t.Columns, (r, c) => scale * (r * 7 + c * 3 + 1)));
}
