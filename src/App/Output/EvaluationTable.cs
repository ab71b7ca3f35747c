using Functional.NN.Experiments.Evaluation;
using System.Globalization;
using Functional.NN.App.Output;

namespace Functional.NN.App.Output;

/// <summary>
/// <c>fnn evaluate</c>'s readable output: what was evaluated, how its inputs were prepared (standardized with
/// the model's training statistics, or raw), the number of examples, the loss and the
/// accuracy, then the confusion matrix (rows: actual class, columns: predicted class).
/// </summary>
internal static class EvaluationTable
{
    /// <summary>Writes <paramref name="evaluation"/> of the model in <paramref name="input"/> to <paramref name="report"/>.</summary>
    public static void Write(ReportWriter report, ModelAndData input, ModelEvaluation evaluation)
    {
        report.Title($"Evaluation of {input.ModelPath}");
        var rows = new List<(string, string, string)>
        {
            ("model", evaluation.Network.ToString(), $"experiment '{input.Model.Experiment}'"),
            ("data", input.Source.Spec, $"'{input.Data.Source.Name}', sha256 {input.Data.Source.Sha256[..12]}"),
            input.InputsStandardized
                ? ("inputs", "standardized", "with the model's training statistics, (x - mean)/scale per feature")
                : ("inputs", "raw", "the model has no input standardizer"),
            ("examples", NumberFormat.Count(evaluation.Examples), ""),
            ("loss", NumberFormat.Fixed(evaluation.Loss), evaluation.Network.Loss.Name),
        };
        if (evaluation is { Accuracy: { } accuracy, Confusion: { } counts })
            rows.Add(("accuracy", NumberFormat.Fixed(accuracy), $"{NumberFormat.Count(counts.Correct)} of {NumberFormat.Count(counts.Total)} correct"));
        report.Rows(rows);

        if (evaluation.Confusion is not { } confusion) return;
        var names = evaluation.ClassNames;
        report.Heading("Confusion matrix (rows: actual class, columns: predicted class)");
        var header = new List<string> { "actual \\ predicted" };
        header.AddRange(names);
        header.Add("total");
        var table = Enumerable.Range(0, confusion.Classes).Select(actual =>
        {
            var row = new List<string> { names[actual] };
            row.AddRange(Enumerable.Range(0, confusion.Classes).Select(predicted => Count(confusion[actual, predicted])));
            row.Add(Count(confusion.ActualCount(actual)));
            return (IReadOnlyList<string>)row;
        });
        report.Table(header, table);
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
