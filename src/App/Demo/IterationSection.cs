using Functional.NN.App.Output;
using Functional.NN.Passes;
using Functional.NN.Training;

namespace Functional.NN.App.Demo;

/// <summary>
/// Step 3: the error after 1 and after many updates, and the final outputs, under three update rules:
/// the tutorial's layer-wise rule, standard gradient descent with frozen biases, and standard gradient
/// descent that also updates the biases. Each rule is a lazy <see cref="Trainer"/> sequence read here.
/// </summary>
internal static class IterationSection
{
    private sealed record Rule(string Title, IReadOnlyList<string> Description, Func<WorkedExample, IEnumerable<TrainingState>> States);

    private static readonly Rule[] Rules =
    [
        new("Layer-wise update (the tutorial's rule; Trainer.Layerwise)",
            ["biases frozen; the output weights are updated first, and the hidden-layer deltas",
             "are then computed with those already updated weights"],
            e => Trainer.Layerwise(e.Network, e.Initial, e.Batch, e.FrozenBiasSgd)),
        new("Standard gradient descent, biases frozen (Trainer.GradientDescent)",
            ["every gradient from the same forward pass, as in Step 2"],
            e => Trainer.GradientDescent(e.Network, e.Initial, e.Batch, e.FrozenBiasSgd)),
        new("Standard gradient descent, shared biases also updated (Trainer.Unfold with SharedBias.Tie)",
            ["as above, and the biases move too; as in the tutorial, b1 is one value shared by both",
             "hidden neurons and b2 one value shared by both outputs (dE/db = sum over the units)"],
            e => Trainer.Unfold(e.Network, e.Initial, e.Batch,
                s => Optimizers.GradientDescentStep.Apply(s.Parameters, SharedBias.Tie(s.Gradients), e.LearningRate))),
        new("Standard gradient descent, one bias per neuron updated (Trainer.GradientDescent)",
            ["the library's usual dense layer: every neuron has its own bias, and all of them move"],
            e => Trainer.GradientDescent(e.Network, e.Initial, e.Batch, e.LearningRate)),
    ];

    /// <summary>Writes the section, running <paramref name="iterations"/> updates under each rule.</summary>
    public static void Write(ReportWriter report, WorkedExample example, int iterations)
    {
        report.Heading("Step 3: iterate");
        report.Line($"Each rule starts from the initial weights and makes {NumberFormat.Count(iterations)} updates; E is the total error.");
        foreach (var rule in Rules) WriteRule(report, example, rule, iterations);
        report.Paragraph("The tutorial's Step 3 figures are those of the layer-wise rule (seed NOTES.md, section 5).");
    }

    private static void WriteRule(ReportWriter report, WorkedExample example, Rule rule, int iterations)
    {
        var network = example.Network;
        var kept = rule.States(example).Take(iterations + 1)
            .Where(s => s.Step == 0 || s.Step == 1 || s.Step == iterations)
            .ToDictionary(s => s.Step);
        var final = kept[iterations];
        var outputs = ForwardPass.Predict(network, final.Parameters, example.Batch.Inputs);
        var targets = example.Batch.Targets;
        var outputLayer = network.Layers.Length - 1;
        var firstLayerWeights = TutorialNames.Weights(network).Where(w => w.Layer == 0).ToList();

        report.Paragraph(rule.Title);
        foreach (var line in rule.Description) report.Line($"  {line}");
        var afterOne = iterations > 1 ? [("E after 1 update", NumberFormat.Fixed(kept[1].Loss), "")] : Array.Empty<(string, string, string)>();
        report.Rows(
        [
            ("E before any update", NumberFormat.Fixed(kept[0].Loss), ""),
            .. afterOne,
            ($"E after {NumberFormat.Count(iterations)} {Updates(iterations)}", NumberFormat.Fixed(final.Loss),
                $"{NumberFormat.Scientific(final.Loss)}, about {NumberFormat.ScientificShort(final.Loss)}"),
            ($"outputs after {NumberFormat.Count(iterations)}",
                string.Join(", ", Enumerable.Range(0, outputs.Columns).Select(j =>
                    $"{TutorialNames.Neuron(network, outputLayer, j)} {NumberFormat.Fixed(outputs[0, j])}")),
                "targets " + string.Join(", ", Enumerable.Range(0, targets.Columns).Select(j => NumberFormat.Fixed(targets[0, j])))),
            ($"{TutorialNames.Weight(network, firstLayerWeights[0])}..{TutorialNames.Weight(network, firstLayerWeights[^1])} after 1 update",
                string.Join(", ", firstLayerWeights.Select(w => NumberFormat.Fixed(TutorialNames.ValueOf(kept[1].Parameters, w)))), ""),
        ]);
    }

    private static string Updates(int count) => count == 1 ? "update" : "updates";
}
