using Functional.NN.Experiments.Evaluation;
using System.Globalization;
using Functional.NN.App.Output;
using Functional.NN.Verification;

namespace Functional.NN.App.Output;

/// <summary>
/// <c>fnn gradcheck</c>'s output: what was checked, the tolerance rule, one row per layer (derivatives
/// compared, how many failed, the largest absolute and relative errors, and the worst element with its
/// analytic and numerical derivative), a note on kinks when a check with relu-like layers fails, and the overall result.
/// </summary>
internal static class GradcheckTable
{
    /// <summary>Activations whose derivative jumps at z = 0, where central differences see the average slope.</summary>
    public static IReadOnlySet<string> KinkedActivations { get; } = new HashSet<string>(StringComparer.Ordinal) { "relu", "leaky_relu" };

    /// <summary>Writes <paramref name="outcome"/> to <paramref name="report"/>.</summary>
    public static void Write(ReportWriter report, GradcheckOutcome outcome)
    {
        var options = outcome.Report.Options;
        report.Title("Gradient check");
        report.Rows(new (string, string, string)[]
        {
            ("network", outcome.Model.Network.ToString(), outcome.Model.Origin),
            ("data", outcome.Source.Spec, $"first {NumberFormat.Count(outcome.Batch.Size)} of {NumberFormat.Count(outcome.Data.Examples.Count)} examples"),
            ("rule", "|analytic - numerical| <= atol + rtol * |numerical|",
                $"eps {Number(options.Epsilon)}, atol {Number(options.AbsoluteTolerance)}, rtol {Number(options.RelativeTolerance)}"),
        });

        report.Paragraph("Per layer (numerical = central difference (L(p+eps) - L(p-eps)) / 2 eps; max rel error over |numerical| > atol):");
        string[] header = ["layer", "activation", "derivatives", "failed", "max abs error", "max rel error", "worst element", "analytic", "numerical"];
        report.Table(header, outcome.Layers.Select(layer => Row(outcome, layer.Layer, layer.Report)));

        var kinked = outcome.Model.Network.Layers.Select((spec, index) => (Layer: index + 1, spec.Activation.Name))
            .Where(l => KinkedActivations.Contains(l.Name)).ToList();
        if (kinked.Count > 0 && !outcome.Report.Passed)
        {
            report.Paragraph(
                $"Note: {string.Join(", ", kinked.Select(k => $"layer {k.Layer} ({k.Name})"))} has a kink at z = 0. Where a pre-activation lies " +
                "within eps of it, the central difference averages the slopes on both sides while the analytic rule takes one side, so they " +
                "disagree: a few failures in the layers at or below it (often whole bias entries, when an input is 0) mean a kink, not a " +
                "wrong derivative, which fails most elements of its layer. Try another --seed, other examples or a smaller --eps.");
        }

        var failed = outcome.Report.Comparisons.Count(c => !c.Passes(options));
        report.Paragraph(outcome.Report.Passed
            ? $"Result: PASSED, all {NumberFormat.Count(outcome.Report.Comparisons.Count)} derivatives within tolerance."
            : $"Result: FAILED, {NumberFormat.Count(failed)} of {NumberFormat.Count(outcome.Report.Comparisons.Count)} derivatives outside tolerance; " +
              $"worst at {outcome.Report.Worst?.Location}.");
    }

    private static IReadOnlyList<string> Row(GradcheckOutcome outcome, int layer, GradientCheckReport report)
    {
        var worst = report.Worst;
        return
        [
            layer.ToString(CultureInfo.InvariantCulture),
            outcome.Model.Network.Layers[layer - 1].Activation.Name,
            NumberFormat.Count(report.Comparisons.Count),
            NumberFormat.Count(report.Comparisons.Count(c => !c.Passes(report.Options))),
            NumberFormat.ScientificShort(report.MaxAbsoluteError),
            NumberFormat.ScientificShort(report.MaxRelativeError),
            worst is null ? "" : Element(worst.Location),
            worst is null ? "" : NumberFormat.Scientific(worst.Analytic),
            worst is null ? "" : NumberFormat.Scientific(worst.Numerical),
        ];
    }

    private static string Element(ParameterLocation location) =>
        location.Tensor == "b" ? $"b[{location.Column}]" : $"{location.Tensor}[{location.Row},{location.Column}]";

    private static string Number(double value) => value.ToString("G6", CultureInfo.InvariantCulture).Replace('E', 'e');
}
