using Functional.NN.App.Output;
using Functional.NN.Passes;

namespace Functional.NN.App.Demo;

/// <summary>
/// The worked example in the order the tutorial teaches it (seed NOTES §5): the network, Step 1 (forward
/// pass), Step 2 (errors, chain rule, gradients, one update), Step 3 (iterations).
/// </summary>
internal static class WorkedExampleReport
{
    /// <summary>Writes every section; Step 3 runs <paramref name="iterations"/> updates per rule.</summary>
    public static void Write(ReportWriter report, WorkedExample example, int iterations)
    {
        var start = Backpropagation.ValueAndGradient(example.Network, example.Initial, example.Batch);
        report.Title("Functional.NN: the tutorial's worked example, step by step");
        report.Line("Every number is computed by the library (src/Core); this program only prints them.");
        NetworkSection.Write(report, example);
        ForwardPassSection.Write(report, example, start.Forward);
        BackwardPassSection.Write(report, example, start);
        UpdateSection.Write(report, example, start.Gradients);
        IterationSection.Write(report, example, iterations);
    }
}
