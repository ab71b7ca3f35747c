using System.Numerics;
using Functional.NN.Training;

namespace Functional.NN.Experiments;

/// <summary>
/// Where a run is after a step, as progress displays and stop requests see it: the step, the epoch, the batch in the
/// epoch and the last batch's loss, whatever element type the run trains in.
/// </summary>
/// <param name="Step">Updates applied so far.</param>
/// <param name="Epoch">The epoch the last batch belongs to (from 0).</param>
/// <param name="BatchInEpoch">Batches of <paramref name="Epoch"/> trained on so far.</param>
/// <param name="BatchLoss">The last batch's loss, widened to double; null before the first update.</param>
public sealed record RunPosition(long Step, int Epoch, int BatchInEpoch, double? BatchLoss)
{
    /// <summary>The position of <paramref name="progress"/>.</summary>
    public static RunPosition Of<T>(TrainingProgress<T> progress) where T : unmanaged, IFloatingPointIeee754<T> =>
        new(progress.Step, progress.Epoch, progress.BatchInEpoch, progress.BatchLoss is { } loss ? double.CreateTruncating(loss) : null);
}
