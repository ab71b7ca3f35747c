using Functional.NN.Activations;
using Functional.NN.Losses;
using Functional.NN.Model;
using Functional.NN.Optimizers;
using Functional.NN.Passes;
using Functional.NN.Tensors;
using Functional.NN.Training;
using Xunit;

namespace Functional.NN.Tests.Passes;

/// <summary>
/// Every pass refuses parameters that do not fit its network and inputs of the wrong width, with a message
/// that names both shapes, and the walk-through refuses what it cannot factor. Each misfit differs from the
/// tutorial's 2-2-2 network in one respect only: the number of layers, a layer's units, or the inputs.
/// </summary>
public sealed class PassValidationTests
{
    private static readonly Network Tutorial = TutorialExample.Network;
    private const string TutorialText = "2-2-2 sigmoid,sigmoid half_sse";

    private static Parameters ParametersOf(int inputs, params int[] units) =>
        Parameters.Zeros(Network.Create(inputs, Loss.HalfSumSquaredError, units.Select(u => (u, Activation.Sigmoid)).ToArray()).ThrowIfFail());

    public static TheoryData<string, int, int[], string> Misfits() => new()
    {
        { "one layer fewer", 2, [2], "parameters W[2 x 2] b[1 x 2] do not fit network " + TutorialText },
        { "one layer more", 2, [2, 2, 2], "parameters W[2 x 2] b[1 x 2] | W[2 x 2] b[1 x 2] | W[2 x 2] b[1 x 2] do not fit network " + TutorialText },
        { "three hidden units", 2, [3, 2], "parameters W[3 x 2] b[1 x 3] | W[2 x 3] b[1 x 2] do not fit" },
        { "three inputs", 3, [2, 2], "parameters W[2 x 3] b[1 x 2] | W[2 x 2] b[1 x 2] do not fit" },
        { "three outputs", 2, [2, 3], "parameters W[2 x 2] b[1 x 2] | W[3 x 2] b[1 x 3] do not fit" },
    };

    private static readonly Action<Parameters>[] EveryPass =
    [
        p => ForwardPass.Run(Tutorial, p, TutorialExample.Inputs),
        p => ForwardPass.Predict(Tutorial, p, TutorialExample.Inputs),
        p => ForwardPass.Loss(Tutorial, p, TutorialExample.Batch),
        p => Backpropagation.Backward(Tutorial, p, ForwardPass.Run(Tutorial, TutorialExample.Parameters, TutorialExample.Inputs), TutorialExample.Targets),
        p => Backpropagation.ValueAndGradient(Tutorial, p, TutorialExample.Batch),
        p => LayerwiseBackpropagation.Step(Tutorial, p, TutorialExample.Batch, Optimizer.Sgd(0.5), Optimizer.Sgd(0.5).Init(TutorialExample.Parameters)),
        p => TrainingStep.Run(Tutorial, Optimizer.Sgd(0.5), p, Optimizer.Sgd(0.5).Init(TutorialExample.Parameters), TutorialExample.Batch),
        p => ChainRuleFactors.GradientOfOutputs(Tutorial, p, ForwardPass.Run(Tutorial, TutorialExample.Parameters, TutorialExample.Inputs), TutorialExample.Targets, 0),
    ];

    [Theory, MemberData(nameof(Misfits))]
    public void Every_pass_refuses_parameters_that_do_not_fit(string misfit, int inputs, int[] units, string message)
    {
        var parameters = ParametersOf(inputs, units);
        for (var pass = 0; pass < EveryPass.Length; pass++)
        {
            var error = Assert.Throws<ArgumentException>(() => EveryPass[pass](parameters));
            Assert.True(error.Message.Contains(message), $"{misfit}, pass {pass}: {error.Message}");
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Forward_passes_refuse_inputs_of_the_wrong_width(int width)
    {
        var inputs = Tensor.Filled(1, width, 0.5);
        var expected = $"layer 1 expects 2 inputs, got {width}";
        Assert.Equal(expected, Assert.Throws<ArgumentException>(() => ForwardPass.Run(Tutorial, TutorialExample.Parameters, inputs)).Message);
        Assert.Equal(expected, Assert.Throws<ArgumentException>(() => ForwardPass.Predict(Tutorial, TutorialExample.Parameters, inputs)).Message);
        var wide = Network.Create(width, Loss.HalfSumSquaredError, (2, Activation.Sigmoid), (2, Activation.Sigmoid)).ThrowIfFail();
        var batch = Batch.Create(wide, inputs, TutorialExample.Targets).ThrowIfFail();
        var sgd = Optimizer.Sgd(0.5);
        Assert.Equal(expected, Assert.Throws<ArgumentException>(() =>
            TrainingStep.Run(Tutorial, sgd, TutorialExample.Parameters, sgd.Init(TutorialExample.Parameters), batch)).Message);
    }

    [Fact]
    public void Walk_through_refuses_a_layer_index_outside_the_network()
    {
        var forward = ForwardPass.Run(Tutorial, TutorialExample.Parameters, TutorialExample.Inputs);
        foreach (var layer in new[] { -1, 2 })
        {
            Assert.Equal("layer index " + layer + " is outside 0..1", Assert.Throws<ArgumentException>(() =>
                ChainRuleFactors.GradientOfOutputs(Tutorial, TutorialExample.Parameters, forward, TutorialExample.Targets, layer)).Message);
            Assert.Equal("layer index " + layer + " is outside 0..1", Assert.Throws<ArgumentException>(() =>
                ChainRuleFactors.ForWeight(Tutorial, TutorialExample.Parameters, forward, TutorialExample.Targets, layer, 0, 0)).Message);
        }
    }

    [Fact]
    public void Walk_through_refuses_a_softmax_layer_and_a_loss_on_the_logits()
    {
        var classifier = Network.Create(2, Loss.SoftmaxCrossEntropy, (2, Activation.Sigmoid), (2, Activation.Softmax)).ThrowIfFail();
        var parameters = Parameters.Zeros(classifier);
        var forward = ForwardPass.Run(classifier, parameters, TutorialExample.Inputs);
        var targets = Tensor.FromRows([[0.0, 1.0]]).ThrowIfFail();
        Assert.Equal("layer 2: softmax is not element-wise, so ∂out/∂net is not one number per unit",
            Assert.Throws<ArgumentException>(() => ChainRuleFactors.ForWeight(classifier, parameters, forward, targets, 1, 0, 0)).Message);
        const string logits = "softmax_ce is defined on the logits, not on the outputs, so ∂E/∂out is not defined for it";
        Assert.Equal(logits, Assert.Throws<ArgumentException>(() => ChainRuleFactors.ErrorPerOutput(classifier, forward, targets)).Message);
        Assert.Equal(logits, Assert.Throws<ArgumentException>(() =>
            ChainRuleFactors.GradientOfOutputs(classifier, parameters, forward, targets, 1)).Message);
        // Below the output layer the factors exist: the loss's delta walks down without ∂E/∂out of the output.
        Assert.Equal(0.0, ChainRuleFactors.ForWeight(classifier, parameters, forward, targets, 0, 0, 0).Product);
    }

    [Fact]
    public void Layerwise_rule_refuses_an_optimizer_that_needs_the_global_norm()
    {
        var clipped = Transform.Chain(Transform.ClipByGlobalNorm(1.0), Optimizer.Sgd(0.5));
        var error = Assert.Throws<ArgumentException>(() => LayerwiseBackpropagation.Step(
            Tutorial, TutorialExample.Parameters, TutorialExample.Batch, clipped, clipped.Init(TutorialExample.Parameters)));
        Assert.StartsWith($"layer-wise rule: {clipped.Name} is not element-wise (the rule updates each layer before the next gradient is known)", error.Message);
        Assert.Equal("optimizer", error.ParamName);
    }

    [Fact]
    public void A_hidden_layer_that_is_not_element_wise_is_named_by_its_number()
    {
        // The network refuses softmax below the output, so only the output layer can be asked this.
        var classifier = Network.Create(2, Loss.SoftmaxCrossEntropy, (3, Activation.Tanh), (2, Activation.Softmax)).ThrowIfFail();
        Assert.Same(Activation.Tanh, Backpropagation.Elementwise(classifier, 0));
        Assert.Equal("layer 2: softmax is not element-wise, so it cannot be a hidden layer",
            Assert.Throws<ArgumentException>(() => Backpropagation.Elementwise(classifier, 1)).Message);
    }
}
