using System.Globalization;
using Functional.NN.App.Output;
using Functional.NN.Model;
using Functional.NN.Optimizers;

namespace Functional.NN.App.Demo;

/// <summary>Step 2, last part: every weight after one standard gradient-descent step, biases frozen.</summary>
internal static class UpdateSection
{
    /// <summary>Writes the section from the gradients at the initial weights.</summary>
    public static void Write(ReportWriter report, WorkedExample example, Gradients gradients)
    {
        var network = example.Network;
        var sgd = example.FrozenBiasSgd;
        var updated = sgd.Step(example.Initial, gradients, sgd.Init(example.Initial)).Parameters;
        var eta = example.LearningRate.ToString(CultureInfo.InvariantCulture);
        report.Paragraph($"One update, w <- w - eta * dE_total/dw with eta = {eta}, every gradient from the same pass, biases frozen:");
        report.Table(["weight", "before", "dE_total/dw", "after"], TutorialNames.Weights(network).Select(w => (IReadOnlyList<string>)
        [
            TutorialNames.Weight(network, w),
            NumberFormat.Fixed(TutorialNames.ValueOf(example.Initial, w)),
            NumberFormat.Fixed(TutorialNames.ValueOf(gradients, w)),
            NumberFormat.Fixed(TutorialNames.ValueOf(updated, w)),
        ]));
    }
}
