using Functional.NN.App.Output;
using Functional.NN.Model;
using Functional.NN.Passes;
using Functional.NN.Training;

namespace Functional.NN.App.Demo;

/// <summary>
/// Step 3: the error after 1 and after many updates, and the final outputs, under four update rules
/// side by side: the tutorial's layer-wise rule, and standard gradient descent with frozen, shared or
/// per-neuron biases. Each rule is a lazy <see cref="Trainer"/> sequence read here.
/// </summary>
internal static class IterationSection
{
    private sealed record Rule(string Name, string Meaning, Func<WorkedExample, IEnumerable<TrainingState>> States);

    private static readonly Rule[] Rules =
    [
        new("layer-wise (tutorial)",
            "biases frozen; w5..w8 are updated first and the hidden deltas use the updated w5..w8",
            e => Trainer.Layerwise(e.Network, e.Initial, e.Batch, e.FrozenBiasSgd)),
        new("gradient descent",
            "biases frozen; every gradient from the same forward pass, as in Step 2",
            e => Trainer.GradientDescent(e.Network, e.Initial, e.Batch, e.FrozenBiasSgd)),
        new("+ shared biases",
            "as above, and b1, b2 move too, each one value shared by its layer (dE/db summed over units)",
            e => Trainer.Unfold(e.Network, e.Initial, e.Batch,
                s => Optimizers.GradientDescentStep.Apply(s.Parameters, SharedBias.Tie(s.Gradients), e.LearningRate))),
        new("+ per-neuron biases",
            "the library's usual dense layer: every neuron has its own bias, and all of them move",
            e => Trainer.GradientDescent(e.Network, e.Initial, e.Batch, e.LearningRate)),
    ];

    private sealed record Outcome(Rule Rule, TrainingState Before, TrainingState AfterOne, TrainingState Final, Tensors.Tensor<double> Outputs);

    /// <summary>Writes the section, running <paramref name="iterations"/> updates under each rule.</summary>
    public static void Write(ReportWriter report, WorkedExample example, int iterations)
    {
        var count = NumberFormat.Count(iterations);
        report.Heading("Step 3: iterate");
        var outcomes = Rules.Select(rule => Run(example, rule, iterations)).ToList();
        report.Line($"Each rule starts from the initial weights (E = {NumberFormat.Fixed(outcomes[0].Before.Loss)}) and makes {count} updates; E is the total error.");
        var network = example.Network;
        var outputLayer = network.Layers.Length - 1;
        var outputNames = Enumerable.Range(0, example.Batch.Targets.Columns).Select(j => $"{TutorialNames.Neuron(network, outputLayer, j)} after {count}");
        report.Line();
        report.Table(
            ["rule", "E after 1", $"E after {count}", .. outputNames],
            outcomes.Select(o => (IReadOnlyList<string>)
            [
                o.Rule.Name, NumberFormat.Fixed(o.AfterOne.Loss), NumberFormat.ScientificShort(o.Final.Loss),
                .. Enumerable.Range(0, o.Outputs.Columns).Select(j => NumberFormat.Fixed(o.Outputs[0, j])),
            ]));
        report.Line($"  targets: {string.Join(", ", Enumerable.Range(0, example.Batch.Targets.Columns).Select(j => NumberFormat.Fixed(example.Batch.Targets[0, j])))}");
        report.Paragraph("The rules:");
        report.Rows(outcomes.Select(o => (o.Rule.Name, o.Rule.Meaning)));

        var weights = TutorialNames.Weights(network).Where(w => w.Layer == 0).ToList();
        report.Paragraph($"{TutorialNames.Weight(network, weights[0])}..{TutorialNames.Weight(network, weights[^1])} after 1 update (the rules with frozen biases differ here; the bias rules share gradient descent's weights):");
        report.Rows(outcomes.Take(2).Select(o =>
            (o.Rule.Name, string.Join(", ", weights.Select(w => NumberFormat.Fixed(TutorialNames.ValueOf(o.AfterOne.Parameters, w)))))));

        var tutorial = outcomes[0];
        report.Paragraph($"The tutorial's Step 3 figures are the layer-wise rule's (seed NOTES.md, section 5): E after {count} = "
            + $"{NumberFormat.Scientific(tutorial.Final.Loss)}, about {NumberFormat.ScientificShort(tutorial.Final.Loss)}.");
        if (iterations == WorkedExample.TutorialIterations)
            report.Line("Readers of the tutorial's English original will remember 0.0000351085 here: that figure does not follow from "
                + $"the outputs it prints ({NumberFormat.Fixed(tutorial.Outputs[0, 0])} and {NumberFormat.Fixed(tutorial.Outputs[0, 1])} give "
                + $"{NumberFormat.Scientific(tutorial.Final.Loss)}); the value above is ours, computed in float64.");
    }

    private static Outcome Run(WorkedExample example, Rule rule, int iterations)
    {
        var kept = rule.States(example).Take(iterations + 1)
            .Where(s => s.Step == 0 || s.Step == 1 || s.Step == iterations)
            .ToDictionary(s => s.Step);
        var final = kept[iterations];
        return new Outcome(rule, kept[0], kept[Math.Min(1, iterations)], final, ForwardPass.Predict(example.Network, final.Parameters, example.Batch.Inputs));
    }
}
