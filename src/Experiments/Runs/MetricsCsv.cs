using System.Globalization;
using System.Text;
using Functional.NN.Experiments.Storage;
using LanguageExt;

namespace Functional.NN.Experiments.Runs;

/// <summary>
/// <c>metrics.csv</c>: a header and one row per completed epoch,
/// <c>epoch,step,train_loss,val_loss,val_accuracy,learning_rate,</c> then <c>grad_norm_1</c> ... <c>grad_norm_L</c>
/// (per layer, first hidden layer first, ‖∂L/∂W_l‖ on the probe batch of <see cref="GradientProbe"/>), then
/// <c>dead_relu_l</c> for each ReLU layer l (the fraction of its units that are 0 on every probe example), and last
/// <c>seconds</c>. The first six columns and the last are those of runs started before the per-layer columns
/// existed; a row of such a run (resumed from an older checkpoint) leaves the per-layer fields empty. Numbers are
/// written in their shortest round-trip form (invariant culture), so two runs of the same experiment write the
/// same text apart from the seconds column; an empty field means "not measured" (no validation, or regression).
/// The file is rewritten whole and atomically after each epoch, so it always matches the rows of the run's state
/// and never holds a row twice after a resume.
/// </summary>
internal static class MetricsCsv
{
    /// <summary>The header line of a run without per-layer columns (and the first and last columns of every header).</summary>
    public const string Header = "epoch,step,train_loss,val_loss,val_accuracy,learning_rate,seconds";

    /// <summary>The header for <paramref name="rows"/>: per-layer columns for as many layers as the rows measured.</summary>
    public static string HeaderOf(IReadOnlyList<MetricsRow> rows)
    {
        var (layers, relu) = Columns(rows);
        var perLayer = Enumerable.Range(1, layers).Select(l => $"grad_norm_{l}").Concat(relu.Select(l => $"dead_relu_{l + 1}"));
        return string.Join(',', ["epoch", "step", "train_loss", "val_loss", "val_accuracy", "learning_rate", .. perLayer, "seconds"]);
    }

    /// <summary>The file's text for <paramref name="rows"/>.</summary>
    public static string Text(IEnumerable<MetricsRow> rows)
    {
        var list = rows.ToList();
        var (layers, relu) = Columns(list);
        var text = new StringBuilder(HeaderOf(list)).Append('\n');
        foreach (var r in list)
        {
            text.Append(CultureInfo.InvariantCulture, $"{r.Epoch},{r.Step},{Number(r.TrainLoss)},{Number(r.ValLoss)},{Number(r.ValAccuracy)},{Number(r.LearningRate)},");
            for (var l = 0; l < layers; l++)
                text.Append(Number(r.Health is { } h && l < h.GradientNorms.Length ? h.GradientNorms[l] : null)).Append(',');
            foreach (var l in relu)
                text.Append(Number(r.Health is { } h && l < h.DeadRelu.Length ? h.DeadRelu[l] : null)).Append(',');
            text.Append(r.Seconds.ToString("F3", CultureInfo.InvariantCulture)).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>Replaces <paramref name="path"/> with the rows, atomically.</summary>
    public static Fin<Unit> Write(string path, IEnumerable<MetricsRow> rows) =>
        AtomicFile.WriteAllBytes(path, new UTF8Encoding(false).GetBytes(Text(rows)));

    private static (int Layers, List<int> ReluLayers) Columns(IReadOnlyList<MetricsRow> rows)
    {
        var measured = rows.Where(r => r.Health is not null).Select(r => r.Health!).ToList();
        var layers = measured.Count == 0 ? 0 : measured.Max(h => h.GradientNorms.Length);
        var relu = Enumerable.Range(0, layers).Where(l => measured.Any(h => l < h.DeadRelu.Length && h.DeadRelu[l] is not null)).ToList();
        return (layers, relu);
    }

    private static string Number(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "";
}
