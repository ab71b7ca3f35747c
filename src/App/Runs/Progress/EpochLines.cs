using Functional.NN.Experiments.Runs.Progress;
using Functional.NN.Experiments.Runs;
using System.Globalization;
using Functional.NN.Training;

namespace Functional.NN.App.Runs.Progress;

/// <summary>One plain line per epoch, for output that goes to a file or a pipe.</summary>
/// <param name="output">Where the lines go.</param>
internal sealed class EpochLines(TextWriter output) : IRunObserver
{
    private int _epochs;

    /// <inheritdoc />
    public void Started(long fromStep, long totalSteps, int totalEpochs) => _epochs = totalEpochs;

    /// <inheritdoc />
    public void Stepped(TrainingProgress progress) { }

    /// <inheritdoc />
    public void EpochEnded(MetricsRow row) => output.WriteLine(Format(row, _epochs));

    /// <inheritdoc />
    public void Note(string message) => output.WriteLine(message);

    /// <inheritdoc />
    public void Stopped() => output.Flush();

    /// <summary><c>epoch 3/10  step 1407  train_loss 0.41234  val_loss 0.4321  val_accuracy 0.8712  lr 0.001  12.3s</c>.</summary>
    public static string Format(MetricsRow row, int epochs) =>
        string.Create(CultureInfo.InvariantCulture,
            $"epoch {row.Epoch}/{epochs}  step {row.Step}  train_loss {row.TrainLoss:G6}") +
        (row.ValLoss is { } v ? string.Create(CultureInfo.InvariantCulture, $"  val_loss {v:G6}") : "") +
        (row.ValAccuracy is { } a ? string.Create(CultureInfo.InvariantCulture, $"  val_accuracy {a:F4}") : "") +
        string.Create(CultureInfo.InvariantCulture, $"  lr {row.LearningRate:G4}  {row.Seconds:F1}s");
}
