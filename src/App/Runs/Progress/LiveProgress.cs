using Functional.NN.Experiments;
using Functional.NN.Experiments.Runs.Progress;
using Functional.NN.Experiments.Runs;
using System.Diagnostics;
using System.Globalization;
using Functional.NN.Training;

namespace Functional.NN.App.Runs.Progress;

/// <summary>
/// A progress line redrawn in place on a terminal (at most ten times a second): epoch, step, a bar, the
/// estimated time left, the last batch loss and the last validation accuracy; before and after training, the
/// same line says what the run is doing (loading data, evaluating the test split). Each finished epoch leaves
/// its plain line (<see cref="EpochLines.Format"/>) above the live one.
/// </summary>
/// <param name="output">The terminal.</param>
internal sealed class LiveProgress(TextWriter output) : IRunObserver
{
    private const int BarWidth = 24;
    private readonly Stopwatch _clock = new();
    private readonly Stopwatch _sinceDraw = new();
    private long _fromStep, _totalSteps;
    private int _epochs, _width;
    private double? _accuracy;

    /// <inheritdoc />
    public void Started(long fromStep, long totalSteps, int totalEpochs)
    {
        (_fromStep, _totalSteps, _epochs) = (fromStep, totalSteps, totalEpochs);
        _clock.Restart();
        _sinceDraw.Restart();
    }

    /// <inheritdoc />
    public void Stepped(RunPosition progress)
    {
        if (_sinceDraw.ElapsedMilliseconds < 100 && progress.Step != _totalSteps) return;
        _sinceDraw.Restart();
        var fraction = _totalSteps == 0 ? 1.0 : Math.Clamp((double)progress.Step / _totalSteps, 0, 1);
        var filled = (int)Math.Round(fraction * BarWidth);
        var done = progress.Step - _fromStep;
        var eta = done > 0 ? TimeSpan.FromSeconds(_clock.Elapsed.TotalSeconds / done * (_totalSteps - progress.Step)) : (TimeSpan?)null;
        var line = string.Create(CultureInfo.InvariantCulture,
            $"epoch {Math.Min(progress.Epoch + 1, _epochs)}/{_epochs}  step {progress.Step}/{_totalSteps}  [{new string('#', filled)}{new string('.', BarWidth - filled)}] {fraction * 100,3:F0}%") +
            $"  loss {MetricText.Loss(progress.BatchLoss ?? double.NaN)}" +
            (_accuracy is { } a ? $"  val_acc {MetricText.Accuracy(a)}" : "") +
            (eta is { } t ? $"  ETA {Duration(t)}" : "");
        Draw(line);
    }

    /// <inheritdoc />
    public void EpochEnded(MetricsRow row)
    {
        _accuracy = row.ValAccuracy;
        Clear();
        output.WriteLine(EpochLines.Format(row, _epochs));
    }

    /// <inheritdoc />
    public void Note(string message)
    {
        Clear();
        output.WriteLine(message);
    }

    /// <inheritdoc />
    public void Status(string message) => Draw(message);

    /// <inheritdoc />
    public void Stopped()
    {
        Clear();
        output.Flush();
    }

    /// <summary><c>1h02m</c>, <c>3m07s</c>, <c>12s</c>.</summary>
    public static string Duration(TimeSpan t) =>
        t.TotalHours >= 1 ? $"{(int)t.TotalHours}h{t.Minutes:D2}m" : t.TotalMinutes >= 1 ? $"{(int)t.TotalMinutes}m{t.Seconds:D2}s" : $"{t.Seconds}s";

    private void Draw(string line)
    {
        output.Write('\r' + line.PadRight(_width));
        _width = line.Length;
        output.Flush();
    }

    private void Clear()
    {
        if (_width == 0) return;
        output.Write('\r' + new string(' ', _width) + '\r');
        _width = 0;
    }
}
