using System.Globalization;

namespace Functional.NN.Experiments.Runs;

/// <summary>The summary printed at the end of <c>train</c> and <c>resume</c> (also with <c>--quiet</c>).</summary>
internal static class RunSummary
{
    /// <summary>Writes the summary of <paramref name="result"/> to <paramref name="output"/>.</summary>
    public static void Write(TextWriter output, RunResult result)
    {
        var m = result.Manifest;
        var seconds = result.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture);
        if (result.End == RunEnd.Interrupted)
        {
            output.WriteLine($"run interrupted: {result.Directory.Path} at step {m.Steps} ({m.EpochsCompleted} epochs completed, {seconds} s); " +
                             $"continue with: fnn resume {result.Directory.Path}");
            return;
        }
        output.WriteLine($"run complete: {result.Directory.Path} ({m.EpochsCompleted} epochs, {m.Steps} steps, {seconds} s in this process)");
        if (m.Final is { } f)
            output.WriteLine($"  final       epoch {f.Epoch}  train_loss {MetricText.Loss(f.TrainLoss)}" +
                             (f.ValLoss is { } v ? $"  val_loss {MetricText.Loss(v)}" : "") + (f.ValAccuracy is { } a ? $"  val_accuracy {MetricText.Accuracy(a)}" : ""));
        if (m.Best is { } b)
            output.WriteLine($"  best        epoch {b.Epoch}  {(m.Data.Validation > 0 ? "val_loss" : "train_loss")} {MetricText.Loss(b.Loss)}  (best.fnn)");
        if (m.Test is { } t)
            output.WriteLine(Invariant($"  test        {t.Examples} examples: ") +
                             (t.FinalAccuracy is { } fa && t.BestAccuracy is { } ba
                                 ? Invariant($"accuracy {fa:P2} (final model), {ba:P2} (best model); ")
                                 : "") +
                             $"loss {MetricText.Loss(t.FinalLoss)} (final), {MetricText.Loss(t.BestLoss)} (best)");
        output.WriteLine($"  parameters  start {m.ParametersHashStart}");
        output.WriteLine($"              end   {m.ParametersHashEnd}");
        output.WriteLine($"  files       model.fnn best.fnn{(m.Data.Standardized ? " (with the input standardizer)" : "")} metrics.csv loss.png manifest.json experiment.json");
        foreach (var warning in result.Warnings) output.WriteLine($"  warning     {warning}");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
