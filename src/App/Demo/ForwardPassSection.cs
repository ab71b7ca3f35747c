using Functional.NN.App.Output;
using Functional.NN.Passes;

namespace Functional.NN.App.Demo;

/// <summary>Step 1: net and out of every neuron, from the forward pass's trace.</summary>
internal static class ForwardPassSection
{
    /// <summary>Writes the section from the forward pass at the initial weights.</summary>
    public static void Write(ReportWriter report, WorkedExample example, ForwardResult forward)
    {
        var network = example.Network;
        report.Heading("Step 1: the forward pass");
        report.Line("net = sum of (weight * input) + bias;  out = activation(net)");
        var rows = Enumerable.Range(0, network.Layers.Length).SelectMany(layer =>
            Enumerable.Range(0, network.Layers[layer].Units).Select(unit => (IReadOnlyList<string>)
            [
                TutorialNames.Neuron(network, layer, unit),
                NumberFormat.Fixed(forward.Trace[layer].Z[0, unit]),
                NumberFormat.Fixed(forward.Trace[layer].A[0, unit]),
                network.Layers[layer].Activation.Name,
            ]));
        report.Line();
        report.Table(["neuron", "net", "out", "activation"], rows);
    }
}
