using Functional.NN.Randomness;
using Functional.NN.App.Bench;
using BenchmarkDotNet.Attributes;
using Functional.NN.Activations;
using Functional.NN.Compute;
using Functional.NN.Losses;
using Functional.NN.Optimizers;
using Functional.NN.Optimizers.Elementwise;
using Functional.NN.Tensors;

namespace Functional.NN.Benchmarks;

/// <summary>
/// Time and allocated bytes of the element-wise kernels of the mlp's training step, one-threaded: the SGD update
/// p - η g of the first layer's 256 x 784 = 200,704 weights (into a reused buffer, and as the new tensor that
/// <see cref="GradientDescentStep.Apply"/> makes), ReLU on the first hidden layer's 128 x 256 pre-activations, and the softmax
/// cross-entropy loss and output delta on 128 x 10 logits.
/// </summary>
[MemoryDiagnoser]
public class ElementwiseBenchmarks
{
    private const double LearningRate = 0.01;
    private readonly ComputeBackend _backend = BackendChoice.Managed(1);
    private readonly ElementwiseActivation _relu = new Relu();
    private readonly Activation _softmax = Activation.Softmax;
    private readonly Loss _loss = Loss.SoftmaxCrossEntropy;
    private Tensor _weights = null!;
    private double[] _weightGradient = [], _updated = [];
    private double[] _preActivations = [], _activations = [];
    private Tensor _logits = null!, _probabilities = null!, _targets = null!;

    /// <summary>Operands N(0, 1) and one-hot targets, from a fixed seed.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var key = RandomKey.FromSeed(4);
        _weights = Sampling.Normal(key.Fold(0), 256, 784, 0.0, 1.0);
        _weightGradient = Sampling.Normal(key.Fold(1), 256, 784, 0.0, 1.0).ToArray();
        _updated = new double[256 * 784];
        _preActivations = Sampling.Normal(key.Fold(2), 128, 256, 0.0, 1.0).ToArray();
        _activations = new double[128 * 256];
        _logits = Sampling.Normal(key.Fold(3), 128, 10, 0.0, 1.0);
        _probabilities = _softmax.Apply(_logits);
        _targets = Tensor.Build(128, 10, (row, column) => column == row % 10 ? 1.0 : 0.0);
    }

    /// <summary>p - η g into a buffer that is reused from call to call.</summary>
    [Benchmark]
    public void SgdUpdateIntoBuffer() => MatrixKernels.SubtractScaled(_weights.Span, _weightGradient, LearningRate, _updated);

    /// <summary>p + u into a buffer that is reused from call to call, as the optimizers' element-wise pass applies updates.</summary>
    [Benchmark]
    public void ApplyUpdatesIntoBuffer() => ElementwisePass.Apply(_weights.Span, _weightGradient, _updated, LaneLoop<double>.Widest);

    /// <summary>max(0, z) over the hidden layer, into a reused buffer.</summary>
    [Benchmark]
    public void ReluApply() => _relu.Apply(_preActivations, _activations);

    /// <summary>The loss and dL/dz = (softmax(z) - t)/B, from the logits and their softmax.</summary>
    [Benchmark]
    public (double Loss, Tensor Delta) SoftmaxCrossEntropyValueAndDelta() =>
        (_loss.Value(_logits, _probabilities, _targets), _loss.OutputDelta(_softmax, _logits, _probabilities, _targets));
}
