using Functional.NN.App.Output;
using Functional.NN.Passes;

namespace Functional.NN.App.Demo;

/// <summary>
/// Step 2: each output's error and the total; the chain rule for w5 factor by factor; every gradient;
/// the gradient that reaches the hidden layer, and the chain rule for w1.
/// </summary>
internal static class BackwardPassSection
{
    /// <summary>Writes the section from the loss, gradients and forward pass at the initial weights.</summary>
    public static void Write(ReportWriter report, WorkedExample example, ValueAndGradient start)
    {
        var network = example.Network;
        var targets = example.Batch.Targets;
        var outputLayer = network.Layers.Length - 1;
        report.Heading("Step 2: the backward pass");

        report.Line("The error of each output, E = 1/2 (target - out)^2, and the total error:");
        var errors = ChainRuleFactors.ErrorPerOutput(network, start.Forward, targets);
        report.Rows(errors.Select((e, j) => ($"E_{TutorialNames.Neuron(network, outputLayer, j)}", NumberFormat.Fixed(e)))
            .Append(("E_total", NumberFormat.Fixed(start.Value))));

        WriteChain(report, example, start.Forward, new TutorialNames.WeightIndex(outputLayer, 0, 0),
            gradientOfOutputNote: "out - target, the gradient of the half squared error");

        var weights = TutorialNames.Weights(network).ToList();
        report.Paragraph($"All {weights.Count} gradients, from one backward pass with the original weights:");
        report.Table(["weight", "connects", "dE_total/dw"], weights.Select(w => (IReadOnlyList<string>)
        [
            TutorialNames.Weight(network, w),
            TutorialNames.Connection(network, w),
            NumberFormat.Fixed(TutorialNames.ValueOf(start.Gradients, w)),
        ]));

        if (outputLayer == 0) return;
        var hidden = outputLayer - 1;
        var h1 = TutorialNames.Neuron(network, hidden, 0);
        var sumOfPaths = string.Join(" + ", Enumerable.Range(0, network.Layers[outputLayer].Units)
            .Select(j => $"dE_{TutorialNames.Neuron(network, outputLayer, j)}/dout_{h1}"));
        var gradientOfHidden = ChainRuleFactors.GradientOfOutputs(network, example.Initial, start.Forward, targets, hidden);
        report.Paragraph($"Into the hidden layer: out_{h1} feeds every output, so its gradient sums all paths:");
        report.Rows([($"dE_total/dout_{h1}", NumberFormat.Fixed(gradientOfHidden[0, 0]), $"= {sumOfPaths}")]);

        WriteChain(report, example, start.Forward, new TutorialNames.WeightIndex(hidden, 0, 0),
            gradientOfOutputNote: "the sum over paths above");
    }

    private static void WriteChain(
        ReportWriter report, WorkedExample example, ForwardResult forward, TutorialNames.WeightIndex weight, string gradientOfOutputNote)
    {
        var network = example.Network;
        var w = TutorialNames.Weight(network, weight);
        var neuron = TutorialNames.Neuron(network, weight.Layer, weight.Unit);
        var source = TutorialNames.Source(network, weight.Layer, weight.Input);
        var activation = network.Layers[weight.Layer].Activation.Name;
        var chain = ChainRuleFactors.ForWeight(
            network, example.Initial, forward, example.Batch.Targets, weight.Layer, weight.Unit, weight.Input);
        report.Paragraph(
            $"The chain rule for {w} ({TutorialNames.Connection(network, weight)}): " +
            $"dE_total/d{w} = dE_total/dout_{neuron} * dout_{neuron}/dnet_{neuron} * dnet_{neuron}/d{w}");
        report.Rows(
        [
            ($"dE_total/dout_{neuron}", NumberFormat.Fixed(chain.GradientOfOutput), gradientOfOutputNote),
            ($"dout_{neuron}/dnet_{neuron}", NumberFormat.Fixed(chain.ActivationDerivative),
                activation == "sigmoid" ? $"out_{neuron} (1 - out_{neuron}), the derivative of the sigmoid" : $"the derivative of {activation}"),
            ($"dnet_{neuron}/d{w}", NumberFormat.Fixed(chain.InputOfWeight), weight.Layer == 0 ? source : $"out_{source}"),
            ($"dE_total/d{w}", NumberFormat.Fixed(chain.Product), "the product of the three"),
        ]);
    }
}
