using Functional.NN.Activations;
using Functional.NN.Losses;
using Functional.NN.Model;
using Functional.NN.Passes;
using Functional.NN.Tensors;
using Xunit;

namespace Functional.NN.Tests.Passes;

/// <summary>
/// The tutorial's walk-through (seed NOTES §5, Step 2) through <see cref="ChainRuleFactors"/> and
/// <see cref="WeightChain"/>: every factor and product against the figures NOTES prints; the figures it
/// does not print against plain float64 Python (<c>generate_chain_rule_figures.py</c> beside this file).
/// </summary>
public sealed class ChainRuleFactorsTests
{
    private static readonly ForwardResult Forward = ForwardPass.Run(TutorialExample.Network, TutorialExample.Parameters, TutorialExample.Inputs);

    private static WeightChain Chain(int layer, int unit, int input) => ChainRuleFactors.ForWeight(
        TutorialExample.Network, TutorialExample.Parameters, Forward, TutorialExample.Targets, layer, unit, input);

    private static void Near(double expected, double actual, string what) =>
        Assert.True(Math.Abs(actual - expected) <= 1e-14 * Math.Abs(expected), $"{what}: expected {expected:R}, got {actual:R}");

    [Fact]
    public void Error_per_output_is_E_o1_and_E_o2_and_they_add_up_to_E_total()
    {
        var errors = ChainRuleFactors.ErrorPerOutput(TutorialExample.Network, Forward, TutorialExample.Targets);
        Assert.Equal(2, errors.Length);
        PrintedFigure.AssertMatches("0.274811083", errors[0], "E_o1");
        PrintedFigure.AssertMatches("0.023560026", errors[1], "E_o2");
        PrintedFigure.AssertMatches("0.298371109", errors[0] + errors[1], "E_total");
    }

    [Fact]
    public void Factors_of_w5_are_the_three_printed_figures_and_their_product_is_dE_dw5()
    {
        var w5 = Chain(layer: 1, unit: 0, input: 0);
        PrintedFigure.AssertMatches("0.741365070", w5.GradientOfOutput, "∂E/∂out_o1");
        PrintedFigure.AssertMatches("0.186815602", w5.ActivationDerivative, "∂out_o1/∂net_o1");
        PrintedFigure.AssertMatches("0.593269992", w5.InputOfWeight, "∂net_o1/∂w5");
        PrintedFigure.AssertMatches("0.082167041", w5.Product, "∂E/∂w5");
    }

    [Fact]
    public void Products_of_every_output_weight_are_the_printed_gradients()
    {
        PrintedFigure.AssertMatches("0.082667628", Chain(1, 0, 1).Product, "∂E/∂w6");
        PrintedFigure.AssertMatches("-0.022602540", Chain(1, 1, 0).Product, "∂E/∂w7");
        PrintedFigure.AssertMatches("-0.022740242", Chain(1, 1, 1).Product, "∂E/∂w8");
        Near(-0.21707153467853746, Chain(1, 1, 0).GradientOfOutput, "∂E/∂out_o2");
        Near(0.17551005281727122, Chain(1, 1, 0).ActivationDerivative, "∂out_o2/∂net_o2");
    }

    [Fact]
    public void Factors_of_w1_go_through_dE_total_dout_h1_and_products_of_every_hidden_weight_are_printed()
    {
        var w1 = Chain(layer: 0, unit: 0, input: 0);
        PrintedFigure.AssertMatches("0.036350306", w1.GradientOfOutput, "∂E_total/∂out_h1");
        Near(0.24130070857232525, w1.ActivationDerivative, "∂out_h1/∂net_h1");
        Assert.Equal(0.05, w1.InputOfWeight);
        PrintedFigure.AssertMatches("0.000438568", w1.Product, "∂E/∂w1");
        PrintedFigure.AssertMatches("0.000877135", Chain(0, 0, 1).Product, "∂E/∂w2");
        PrintedFigure.AssertMatches("0.000497713", Chain(0, 1, 0).Product, "∂E/∂w3");
        PrintedFigure.AssertMatches("0.000995425", Chain(0, 1, 1).Product, "∂E/∂w4");
        Near(0.0413703226487447, Chain(0, 1, 0).GradientOfOutput, "∂E_total/∂out_h2");
    }

    [Fact]
    public void Gradient_of_outputs_of_each_layer_is_the_row_of_dE_dout()
    {
        var output = ChainRuleFactors.GradientOfOutputs(TutorialExample.Network, TutorialExample.Parameters, Forward, TutorialExample.Targets, 1);
        var hidden = ChainRuleFactors.GradientOfOutputs(TutorialExample.Network, TutorialExample.Parameters, Forward, TutorialExample.Targets, 0);
        Assert.Equal((1, 2), (output.Rows, output.Columns));
        Assert.Equal((1, 2), (hidden.Rows, hidden.Columns));
        Near(0.7413650695523157, output[0, 0], "∂E/∂out_o1");
        Near(-0.21707153467853746, output[0, 1], "∂E/∂out_o2");
        Near(0.03635030639314466, hidden[0, 0], "∂E_total/∂out_h1");
        Near(0.0413703226487447, hidden[0, 1], "∂E_total/∂out_h2");
    }

    /// <summary>With two examples, each factor belongs to the example asked for and the batch loss's 1/B halves ∂E/∂out.</summary>
    [Fact]
    public void Second_example_of_a_batch_of_two_carries_its_own_figures_and_the_batch_one_half()
    {
        var inputs = Tensor.FromRows([[0.05, 0.10], [1.0, -0.5]]).ThrowIfFail();
        var targets = Tensor.FromRows([[0.01, 0.99], [0.2, 0.7]]).ThrowIfFail();
        var forward = ForwardPass.Run(TutorialExample.Network, TutorialExample.Parameters, inputs);
        var errors = ChainRuleFactors.ErrorPerOutput(TutorialExample.Network, forward, targets, example: 1);
        Near(0.15286189967721547, errors[0], "E_o1 of the second example");
        Near(0.0027920322625797044, errors[1], "E_o2 of the second example");

        WeightChain Second(int layer, int unit, int input) => ChainRuleFactors.ForWeight(
            TutorialExample.Network, TutorialExample.Parameters, forward, targets, layer, unit, input, example: 1);
        Near(0.5 * 0.5529229596918823, Second(1, 0, 0).GradientOfOutput, "½ ∂E/∂out_o1");
        Near(0.1860299764606985, Second(1, 0, 0).ActivationDerivative, "∂out_o1/∂net_o1");
        Near(0.5 * 0.06158115950304885, Second(1, 0, 0).Product, "½ ∂E/∂w5");
        Near(0.5 * 0.0078078939186255894, Second(1, 1, 0).Product, "½ ∂E/∂w7");
        Near(0.5 * 0.053460035280507315, Second(0, 1, 0).GradientOfOutput, "½ ∂E_total/∂out_h2");
        Assert.Equal(1.0, Second(0, 1, 0).InputOfWeight);
        Near(0.5 * 0.012710602385105695, Second(0, 1, 0).Product, "½ ∂E/∂w3");
    }

    /// <summary>
    /// Three layers, so that ∂E/∂out of the first layer walks down twice: summed over the batch and multiplied
    /// by f'(z) it is that layer's bias gradient from <see cref="Backpropagation"/>.
    /// </summary>
    [Fact]
    public void Gradient_of_outputs_two_layers_down_times_f_prime_is_the_bias_gradient()
    {
        var network = Network.Create(2, Loss.MeanSquaredError, (3, Activation.Tanh), (2, Activation.Sigmoid), (2, Activation.Identity)).ThrowIfFail();
        var parameters = Parameters.Create(network, new (double[][], double[])[]
        {
            ([[0.3, -0.2], [0.5, 0.1], [-0.4, 0.6]], [0.1, -0.1, 0.2]),
            ([[0.7, -0.3, 0.2], [-0.5, 0.4, 0.9]], [0.05, -0.2]),
            ([[1.1, -0.6], [0.3, 0.8]], [0.0, 0.1]),
        }).ThrowIfFail();
        var inputs = Tensor.FromRows([[0.5, -1.0], [2.0, 0.25]]).ThrowIfFail();
        var targets = Tensor.FromRows([[0.3, -0.2], [1.0, 0.5]]).ThrowIfFail();
        var forward = ForwardPass.Run(network, parameters, inputs);
        var gradients = Backpropagation.Backward(network, parameters, forward, targets);
        var tanh = (ElementwiseActivation)Activation.Tanh;
        for (var layer = 0; layer < 2; layer++)
        {
            var byOutput = ChainRuleFactors.GradientOfOutputs(network, parameters, forward, targets, layer);
            var slopes = tanh.Derivative(forward.Trace[layer].Z, forward.Trace[layer].A);
            if (layer == 1) slopes = ((ElementwiseActivation)Activation.Sigmoid).Derivative(forward.Trace[1].Z, forward.Trace[1].A);
            for (var unit = 0; unit < byOutput.Columns; unit++)
            {
                var bias = byOutput[0, unit] * slopes[0, unit] + byOutput[1, unit] * slopes[1, unit];
                Assert.True(Math.Abs(bias - gradients[layer].Bias[0, unit]) <= 1e-15,
                    $"layer {layer}, unit {unit}: Σ ∂E/∂out·f' = {bias:R}, dL/db = {gradients[layer].Bias[0, unit]:R}");
            }
        }
    }
}
