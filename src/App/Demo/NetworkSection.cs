using System.Globalization;
using Functional.NN.App.Output;

namespace Functional.NN.App.Demo;

/// <summary>The network, the training example, the learning rate, and the initial weights and biases.</summary>
internal static class NetworkSection
{
    /// <summary>Writes the section.</summary>
    public static void Write(ReportWriter report, WorkedExample example)
    {
        var network = example.Network;
        var inputs = example.Batch.Inputs;
        var targets = example.Batch.Targets;
        report.Heading("The network and its initial weights");
        report.Rows(
        [
            ("network", network.ToString()),
            ("inputs", string.Join(", ", Enumerable.Range(0, inputs.Columns)
                .Select(k => $"{TutorialNames.Input(k)} {NumberFormat.Fixed(inputs[0, k])}"))),
            ("targets", string.Join(", ", Enumerable.Range(0, targets.Columns)
                .Select(j => $"{TutorialNames.Neuron(network, network.Layers.Length - 1, j)} {NumberFormat.Fixed(targets[0, j])}"))),
            ("learning rate", example.LearningRate.ToString(CultureInfo.InvariantCulture)),
        ]);

        report.Paragraph("Weights (W[unit, input] of each layer, in the tutorial's numbering) and biases:");
        var weights = TutorialNames.Weights(network).Select(w =>
            (TutorialNames.Weight(network, w), NumberFormat.Fixed(TutorialNames.ValueOf(example.Initial, w)), TutorialNames.Connection(network, w)));
        var biases = Enumerable.Range(0, network.Layers.Length).Select(layer =>
        {
            var bias = example.Initial[layer].Bias;
            var units = Enumerable.Range(0, bias.Columns).ToList();
            var neurons = string.Join(", ", units.Select(u => TutorialNames.Neuron(network, layer, u)));
            return units.All(u => bias[0, u] == bias[0, 0])
                ? (TutorialNames.Bias(layer), NumberFormat.Fixed(bias[0, 0]), $"bias of {neurons}")
                : (TutorialNames.Bias(layer), string.Join(", ", units.Select(u => NumberFormat.Fixed(bias[0, u]))), $"biases of {neurons}");
        });
        report.Rows(weights.Concat(biases));
    }
}
