using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Functional.NN.Activations;
using Functional.NN.Data;
using Functional.NN.Initialization;
using Functional.NN.Losses;
using Functional.NN.Model;
using Functional.NN.Passes;
using Functional.NN.Randomness;
using Functional.NN.Tensors;
using Xunit;

namespace Functional.NN.Tests.Data;

/// <summary>
/// Evaluation in float: <see cref="BlockwiseForward.Run{T}"/> with float parameters gives, for every block size, the
/// bits of one float forward pass over the dataset's float rows (<see cref="Dataset.FeaturesAs{T}"/>);
/// <see cref="Accuracy.Of{T}(Network, Parameters{T}, Dataset)"/> and <see cref="PredictedClasses"/> score those
/// outputs; data beyond the float range is refused with its row and column.
/// </summary>
public sealed class FloatEvaluationProperties
{
    [Property(MaxTest = 100)]
    public Property Float_blocks_give_the_bits_of_one_float_pass_and_its_accuracy() =>
        Prop.ForAll(BlockwiseForwardProperties.Cases, c =>
        {
            var network = c.Softmax
                ? Network.Create(c.Features, Loss.SoftmaxCrossEntropy, (5, Activation.Relu), (4, Activation.Softmax)).ThrowIfFail()
                : Network.Create(c.Features, Loss.BinaryCrossEntropy, (6, Activation.Tanh), (1, Activation.Sigmoid)).ThrowIfFail();
            var parameters = Initializer.HeUniform.Initialize<float>(network, c.Key.Fold(0));
            var targets = Tensor.Build(c.Count, network.OutputSize, (r, k) => network.OutputSize == 1 ? r % 2 : (r % network.OutputSize == k ? 1 : 0));
            var data = c.Bytes ? BlockwiseForwardProperties.FromBytes(c, targets) : Dataset.Create(Sampling.Normal(c.Key.Fold(2), c.Count, c.Features, 0.0, 3.0), targets).ThrowIfFail();
            var whole = ForwardPass.Run(network, parameters, data.FeaturesAs<float>());
            var (logits, outputs) = BlockwiseForward.Run(network, parameters, data, c.BlockRows);
            Assert.Equal(whole.Logits, logits);
            Assert.Equal(whole.Output, outputs);
            Assert.Equal(Accuracy.OfOutputs(network, whole.Output, data.TargetsAs<float>()).ThrowIfFail(), Accuracy.Of(network, parameters, data).ThrowIfFail());
            Assert.Equal(PredictedClasses.Of(network, whole.Output.Convert<double>()), PredictedClasses.Of(network, outputs));
        });

    [Fact]
    public void Data_beyond_the_float_range_is_refused_by_float_evaluation_only()
    {
        var network = Network.Create(2, Loss.MeanSquaredError, (1, Activation.Identity)).ThrowIfFail();
        var data = Dataset.Create(Tensor.Build(3, 2, (r, c) => r == 1 && c == 1 ? 1e39 : 0.25), Tensor.Zeros(3, 1)).ThrowIfFail();
        var doubles = Parameters.Zeros(network);
        var floats = Parameters<float>.Zeros(network);
        Assert.Equal("data: features: row 1, column 1 is not a finite number as float32 (Parameter 'data')",
            Assert.Throws<ArgumentException>(() => BlockwiseForward.Run(network, floats, data)).Message);
        Assert.Equal(Tensor.Zeros(3, 1), BlockwiseForward.Run(network, doubles, data).Outputs);
        Assert.Equal("accuracy: features: row 1, column 1 is not a finite number as float32",
            Accuracy.Of(network, floats, data).Match(v => $"(scored {v})", e => e.Message));
        Assert.True(Accuracy.Of(network, doubles, data).IsSucc);
    }

    /// <summary>A float output is compared with a threshold as it is: 0.5f is class 1, the float just below it class 0.</summary>
    [Fact]
    public void Float_outputs_and_targets_are_thresholded_as_they_are()
    {
        var sigmoid = Network.Create(1, Loss.BinaryCrossEntropy, (1, Activation.Sigmoid)).ThrowIfFail();
        var logit = Network.Create(1, Loss.BinaryCrossEntropyWithLogits, (1, Activation.Identity)).ThrowIfFail();
        var below = MathF.BitDecrement(0.5f);
        var outputs = Tensor<float>.FromRowMajor(4, 1, [0.5f, below, 0f, -float.Epsilon]).ThrowIfFail();
        Assert.Equal([1, 0, 0, 0], PredictedClasses.Of(sigmoid, outputs));
        Assert.Equal([1, 1, 1, 0], PredictedClasses.Of(logit, outputs));
        Assert.Equal([1, 0, 0, 0], PredictedClasses.OfTargets(outputs));
        var targets = Tensor<float>.FromRowMajor(4, 1, [1f, 0f, 0f, 1f]).ThrowIfFail();
        Assert.Equal(0.75, Accuracy.OfThreshold(outputs, targets).ThrowIfFail());
        Assert.Equal(0.25, Accuracy.OfOutputs(logit, outputs, targets).ThrowIfFail());
        var classes = Tensor<float>.FromRowMajor(2, 3, [0.1f, 0.7f, 0.2f, 0.4f, 0.4f, 0.2f]).ThrowIfFail();
        Assert.Equal(0.5, Accuracy.Of(classes, Tensor<float>.FromRowMajor(2, 3, [0f, 1f, 0f, 0f, 1f, 0f]).ThrowIfFail()).ThrowIfFail());
    }
}
