using System.Numerics;
using System.Collections.Immutable;
using Functional.NN.Experiments.Runs;
using Functional.NN.Training;

namespace Functional.NN.Experiments.Storage;

/// <summary>
/// Everything needed to continue a run exactly: Core's <see cref="TrainingProgress{T}"/> (step, epoch, batch in
/// epoch, parameters, optimizer state of any kind, last batch loss), the run's bookkeeping (the running sum
/// of the current epoch's batch losses and its seconds, the metrics rows so far, the best epoch), and the
/// identity of the run it belongs to. The data order needs no random state: epoch e's order is a pure
/// function of the plan's shuffle key and e (docs/checkpoint-format.md).
/// </summary>
/// <param name="ExperimentHash">SHA-256 of the resolved experiment's canonical JSON; resume refuses any other.</param>
/// <param name="DataSha256">SHA-256 of the data trained on; resume refuses changed data.</param>
/// <param name="Progress">Core's training state after <see cref="TrainingProgress{T}.Step"/> updates.</param>
/// <param name="EpochLossSum">Sum of the batch losses of the current epoch so far, added in step order.</param>
/// <param name="EpochSeconds">Wall-clock seconds spent on the current epoch so far.</param>
/// <param name="Metrics">The metrics rows of the epochs completed so far.</param>
/// <param name="Best">The best epoch so far (whose parameters are in <c>best.fnn</c>), or null before the first epoch ends.</param>
/// <typeparam name="T">The element type the run trains in.</typeparam>
internal sealed record Checkpoint<T>(
    string ExperimentHash,
    string DataSha256,
    TrainingProgress<T> Progress,
    double EpochLossSum,
    double EpochSeconds,
    ImmutableArray<MetricsRow> Metrics,
    BestEpoch? Best) where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Equal when every field is equal, the metrics rows in order.</summary>
    public bool Equals(Checkpoint<T>? other) =>
        other is not null && ExperimentHash == other.ExperimentHash && DataSha256 == other.DataSha256 &&
        Progress.Equals(other.Progress) && EpochLossSum.Equals(other.EpochLossSum) && EpochSeconds.Equals(other.EpochSeconds) &&
        Metrics.SequenceEqual(other.Metrics) && Equals(Best, other.Best);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(ExperimentHash, Progress.Step);
}
