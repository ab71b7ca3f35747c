using Functional.NN.Experiments.Runs;
using Functional.NN.Experiments.Runs.Progress;
using Functional.NN.Training;

namespace Functional.NN.Experiments;

/// <summary>Shows a run's progress through the callbacks of <see cref="RunOptions"/>.</summary>
internal sealed class RunCallbacks(RunOptions options) : IRunObserver
{
    /// <inheritdoc />
    public void Started(long fromStep, long totalSteps, int totalEpochs) { }

    /// <inheritdoc />
    public void Stepped(RunPosition progress) { }

    /// <inheritdoc />
    public void EpochEnded(MetricsRow row) => options.EpochEnded?.Invoke(EpochMetrics.Of(row));

    /// <inheritdoc />
    public void Note(string message) => options.Note?.Invoke(message);

    /// <inheritdoc />
    public void Stopped() { }
}
