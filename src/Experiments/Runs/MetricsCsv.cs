using System.Globalization;
using System.Text;
using Functional.NN.Experiments.Storage;
using LanguageExt;

namespace Functional.NN.Experiments.Runs;

/// <summary>
/// <c>metrics.csv</c>: a header and one row per completed epoch,
/// <c>epoch,step,train_loss,val_loss,val_accuracy,learning_rate,seconds</c>. Numbers are written in their
/// shortest round-trip form (invariant culture), so two runs of the same experiment write the same text
/// apart from the seconds column; an empty field means "not measured" (no validation, or regression). The
/// file is rewritten whole and atomically after each epoch, so it always matches the rows of the run's
/// state and never holds a row twice after a resume.
/// </summary>
internal static class MetricsCsv
{
    /// <summary>The header line.</summary>
    public const string Header = "epoch,step,train_loss,val_loss,val_accuracy,learning_rate,seconds";

    /// <summary>The file's text for <paramref name="rows"/>.</summary>
    public static string Text(IEnumerable<MetricsRow> rows)
    {
        var text = new StringBuilder(Header).Append('\n');
        foreach (var r in rows)
            text.Append(CultureInfo.InvariantCulture, $"{r.Epoch},{r.Step},{Number(r.TrainLoss)},{Number(r.ValLoss)},{Number(r.ValAccuracy)},")
                .Append(CultureInfo.InvariantCulture, $"{Number(r.LearningRate)},{r.Seconds.ToString("F3", CultureInfo.InvariantCulture)}\n");
        return text.ToString();
    }

    /// <summary>Replaces <paramref name="path"/> with the rows, atomically.</summary>
    public static Fin<Unit> Write(string path, IEnumerable<MetricsRow> rows) =>
        AtomicFile.WriteAllBytes(path, new UTF8Encoding(false).GetBytes(Text(rows)));

    private static string Number(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "";
}
