using System.Globalization;
using Functional.NN.Experiments.Storage;
using Functional.NN.Model;
using LanguageExt;
using LanguageExt.Common;
using ScottPlot;
using SkiaSharp;

namespace Functional.NN.Experiments.Runs;

/// <summary>
/// <c>loss.png</c>, drawn with ScottPlot and written atomically: panels stacked in one image, sharing the epoch axis.
/// <list type="number">
/// <item>The training and validation loss on a log-scale axis named after the loss (e.g. "softmax cross-entropy
/// (log scale)"), so late epochs are not a flat line at 0 and the axis never goes below zero; the best epoch (lowest
/// validation loss, or training loss without validation, the epoch of <c>best.fnn</c>) is marked.</item>
/// <item>For classifiers with validation, the validation accuracy, with the best epoch marked.</item>
/// <item>When the rows carry them, the per-layer gradient norms ‖∂L/∂W_l‖ on the probe batch (<see cref="GradientProbe"/>),
/// log scale, one line per layer: vanishing gradients show as the first layers' lines far below the last's.</item>
/// </list>
/// </summary>
internal static class LossPlot
{
    private const int Width = 900;
    private const int PanelHeight = 360;

    /// <summary>Draws the panels for <paramref name="rows"/> of a run of <paramref name="network"/> into <paramref name="path"/>.</summary>
    public static Fin<Unit> Write(string path, string title, Network network, IReadOnlyList<MetricsRow> rows)
    {
        byte[] png;
        try
        {
            png = Draw(title, network, rows);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Error.New($"{path}: the loss plot could not be drawn: {e.Message}");
        }
        return AtomicFile.WriteAllBytes(path, png);
    }

    /// <summary>The PNG bytes of the plot.</summary>
    public static byte[] Draw(string title, Network network, IReadOnlyList<MetricsRow> rows)
    {
        var epochs = rows.Select(r => (double)r.Epoch).ToArray();
        var best = BestIndex(rows);
        var panels = new List<Plot> { LossPanel(title, network, rows, epochs, best) };
        if (rows.Count > 0 && rows.All(r => r.ValAccuracy is not null)) panels.Add(AccuracyPanel(rows, epochs, best));
        if (rows.Any(r => r.Health is not null)) panels.Add(GradientPanel(network, rows));
        return Stack(panels);
    }

    /// <summary>The plot's name for a loss: <c>softmax cross-entropy</c> for <c>softmax_ce</c>.</summary>
    public static string LossName(string name) => name switch
    {
        "half_sse" => "half sum of squared errors",
        "mse" => "mean squared error",
        "bce" => "binary cross-entropy",
        "bce_logits" => "binary cross-entropy (from logits)",
        "softmax_ce" => "softmax cross-entropy",
        _ => name,
    };

    private static int BestIndex(IReadOnlyList<MetricsRow> rows)
    {
        var best = -1;
        for (var i = 0; i < rows.Count; i++)
            if (best < 0 || Selection(rows[i]) < Selection(rows[best])) best = i;
        return best;

        static double Selection(MetricsRow r) => r.ValLoss ?? r.TrainLoss;
    }

    private static Plot LossPanel(string title, Network network, IReadOnlyList<MetricsRow> rows, double[] epochs, int best)
    {
        var plot = new Plot();
        AddLog(plot, epochs, rows.Select(r => r.TrainLoss).ToArray(), "training loss (mean of the epoch's batches)");
        if (rows.Count > 0 && rows.All(r => r.ValLoss is not null))
            AddLog(plot, epochs, rows.Select(r => r.ValLoss!.Value).ToArray(), "validation loss (end of epoch)");
        if (best >= 0)
        {
            var value = rows[best].ValLoss ?? rows[best].TrainLoss;
            MarkBest(plot, rows[best].Epoch, value > 0 ? Math.Log10(value) : null,
                $"best epoch {rows[best].Epoch}: {(rows[best].ValLoss is null ? "training" : "validation")} loss {value.ToString("G4", CultureInfo.InvariantCulture)}");
        }
        LogAxis(plot);
        plot.Title(title);
        plot.YLabel($"{LossName(network.Loss.Name)} (log scale)");
        plot.XLabel("epoch");
        Axes(plot);
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }

    private static Plot AccuracyPanel(IReadOnlyList<MetricsRow> rows, double[] epochs, int best)
    {
        var plot = new Plot();
        var accuracy = plot.Add.Scatter(epochs, rows.Select(r => 100 * r.ValAccuracy!.Value).ToArray());
        accuracy.LegendText = "validation accuracy (end of epoch)";
        MarkBest(plot, rows[best].Epoch, 100 * rows[best].ValAccuracy!.Value,
            $"best epoch {rows[best].Epoch} (lowest validation loss): {(100 * rows[best].ValAccuracy!.Value).ToString("F2", CultureInfo.InvariantCulture)} %");
        plot.YLabel("validation accuracy (%)");
        plot.XLabel("epoch");
        Axes(plot);
        plot.ShowLegend(Alignment.LowerRight);
        return plot;
    }

    private static Plot GradientPanel(Network network, IReadOnlyList<MetricsRow> rows)
    {
        var plot = new Plot();
        var measured = rows.Where(r => r.Health is not null).ToList();
        var epochs = measured.Select(r => (double)r.Epoch).ToArray();
        var layers = measured.Max(r => r.Health!.GradientNorms.Length);
        for (var l = 0; l < layers; l++)
        {
            var layer = l;
            var name = layer < network.Layers.Length ? network.Layers[layer].Activation.Name : "?";
            AddLog(plot, epochs, measured.Select(r => layer < r.Health!.GradientNorms.Length ? r.Health.GradientNorms[layer] : double.NaN).ToArray(),
                $"layer {layer + 1} ({name})");
        }
        LogAxis(plot);
        plot.YLabel("gradient norm ‖∂L/∂W‖ (log scale)");
        plot.Title("per-layer weight-gradient norm on the probe batch", size: 14);
        plot.XLabel("epoch");
        Axes(plot);
        plot.ShowLegend(Edge.Right);
        return plot;
    }

    /// <summary>A line of log10 of the positive values (a value of 0 or less has no place on a log axis and is left out).</summary>
    private static void AddLog(Plot plot, double[] xs, double[] ys, string legend)
    {
        var keep = Enumerable.Range(0, xs.Length).Where(i => ys[i] > 0 && double.IsFinite(ys[i])).ToArray();
        var line = plot.Add.Scatter(keep.Select(i => xs[i]).ToArray(), keep.Select(i => Math.Log10(ys[i])).ToArray());
        line.LegendText = legend;
    }

    private static void MarkBest(Plot plot, int epoch, double? y, string legend)
    {
        var line = plot.Add.VerticalLine(epoch);
        line.LinePattern = LinePattern.Dashed;
        line.LegendText = legend;
        if (y is { } value) plot.Add.Marker(epoch, value, MarkerShape.FilledCircle, 9, line.LineColor);
    }

    /// <summary>
    /// Ticks for a panel whose y values are log10 of the data: evenly spaced values when the data spans less than
    /// 0.7 decades, at 1, 2 and 5 times powers of ten below two decades, at powers of
    /// ten otherwise, with unlabelled ticks at the other integer
    /// multiples; labels are the values themselves (0.02, 1e-05).
    /// </summary>
    private static void LogAxis(Plot plot)
    {
        var ys = plot.GetPlottables().OfType<ScottPlot.Plottables.Scatter>()
            .SelectMany(s => s.Data.GetScatterPoints()).Select(p => p.Y).Where(double.IsFinite).ToList();
        if (ys.Count == 0) return;
        var (low, high) = (ys.Min(), ys.Max());
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        if (high - low < 0.7)
        {
            // Less than a factor of 5 between the smallest and largest value: evenly spaced values, placed on the log axis.
            var (from, to) = (Math.Pow(10, low), Math.Pow(10, high));
            var raw = (to - from) / 5;
            var magnitude = raw > 0 ? Math.Pow(10, Math.Floor(Math.Log10(raw))) : Math.Pow(10, Math.Floor(low) - 1);
            var step = new[] { 1.0, 2.0, 2.5, 5.0, 10.0 }.Select(m => m * magnitude).First(s => s >= raw);
            for (var v = Math.Floor(from / step) * step; v <= to + step; v += step)
                if (v > 0) ticks.AddMajor(Math.Log10(v), v.ToString("0.######", CultureInfo.InvariantCulture));
            plot.Axes.Left.TickGenerator = ticks;
            return;
        }
        var labelled = high - low < 2 ? new[] { 1, 2, 5 } : [1];
        for (var exponent = (int)Math.Floor(low) - 1; exponent <= (int)Math.Ceiling(high) + 1; exponent++)
            for (var m = 1; m <= 9; m++)
            {
                var y = exponent + Math.Log10(m);
                if (y < low - 0.3 || y > high + 0.3) continue;
                if (labelled.Contains(m)) ticks.AddMajor(y, Label(m, exponent));
                else ticks.AddMinor(y);
            }
        plot.Axes.Left.TickGenerator = ticks;
    }

    private static string Label(int mantissa, int exponent) =>
        exponent is >= -3 and <= 4
            ? (mantissa * Math.Pow(10, exponent)).ToString("0.#####", CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{mantissa}e{exponent}");

    /// <summary>Whole epochs on the x axis, a smaller bold label on the y axis.</summary>
    private static void Axes(Plot plot)
    {
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.Axes.Left.Label.FontSize = 14;
        plot.Axes.Bottom.Label.FontSize = 14;
    }

    private static byte[] Stack(List<Plot> panels)
    {
        var info = new SKImageInfo(Width, PanelHeight * panels.Count);
        using var surface = SKSurface.Create(info);
        surface.Canvas.Clear(SKColors.White);
        for (var i = 0; i < panels.Count; i++)
        {
            using var bitmap = SKBitmap.Decode(panels[i].GetImageBytes(Width, PanelHeight, ImageFormat.Png));
            surface.Canvas.DrawBitmap(bitmap, 0, i * PanelHeight);
        }
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
