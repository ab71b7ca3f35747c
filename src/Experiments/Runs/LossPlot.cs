using Functional.NN.Experiments.Storage;
using LanguageExt;
using LanguageExt.Common;
using ScottPlot;

namespace Functional.NN.Experiments.Runs;

/// <summary><c>loss.png</c>: training and validation loss per epoch, drawn with ScottPlot and written atomically.</summary>
internal static class LossPlot
{
    /// <summary>Draws the curves of <paramref name="rows"/> into <paramref name="path"/> (800 x 500 pixels).</summary>
    public static Fin<Unit> Write(string path, string title, IReadOnlyList<MetricsRow> rows)
    {
        byte[] png;
        try
        {
            var plot = new Plot();
            var epochs = rows.Select(r => (double)r.Epoch).ToArray();
            var train = plot.Add.Scatter(epochs, rows.Select(r => r.TrainLoss).ToArray());
            train.LegendText = "training loss (mean of the epoch's batches)";
            if (rows.Count > 0 && rows.All(r => r.ValLoss is not null))
            {
                var validation = plot.Add.Scatter(epochs, rows.Select(r => r.ValLoss!.Value).ToArray());
                validation.LegendText = "validation loss (end of epoch)";
            }
            plot.Title(title);
            plot.XLabel("epoch");
            plot.YLabel("loss");
            plot.ShowLegend(Alignment.UpperRight);
            png = plot.GetImageBytes(800, 500, ImageFormat.Png);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Error.New($"{path}: the loss plot could not be drawn: {e.Message}");
        }
        return AtomicFile.WriteAllBytes(path, png);
    }
}
