using Functional.NN.Experiments;
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
    public void Stepped(RunPosition progress) { }

    /// <inheritdoc />
    public void EpochEnded(MetricsRow row) => output.WriteLine(Format(row, _epochs));

    /// <inheritdoc />
    public void Note(string message) => output.WriteLine(message);

    /// <inheritdoc />
    public void Stopped() => output.Flush();

    /// <summary><c>epoch 3/10  step 1407  train_loss 4.1234e-01  val_loss 4.3210e-01  val_accuracy 0.8712  lr 1.0000e-03  12.3s</c> (<see cref="MetricText"/>).</summary>
    public static string Format(MetricsRow row, int epochs) =>
        string.Create(CultureInfo.InvariantCulture,
            $"epoch {row.Epoch}/{epochs}  step {row.Step}  train_loss {MetricText.Loss(row.TrainLoss)}") +
        (row.ValLoss is { } v ? $"  val_loss {MetricText.Loss(v)}" : "") +
        (row.ValAccuracy is { } a ? $"  val_accuracy {MetricText.Accuracy(a)}" : "") +
        string.Create(CultureInfo.InvariantCulture, $"  lr {MetricText.Rate(row.LearningRate)}  {row.Seconds:F1}s");
}
