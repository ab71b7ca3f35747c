using Functional.NN.Experiments.Runs;

namespace Functional.NN.Experiments;

/// <summary>A run's state at the end of an epoch: one row of its <c>metrics.csv</c>.</summary>
/// <param name="Epoch">The epoch just completed, counted from 1.</param>
/// <param name="Step">Updates made so far.</param>
/// <param name="TrainLoss">The mean of the epoch's batch losses.</param>
/// <param name="ValidationLoss">The loss on the validation part, or null without validation.</param>
/// <param name="ValidationAccuracy">The accuracy on the validation part (classification only), or null.</param>
/// <param name="LearningRate">The learning rate of the epoch's last update.</param>
public sealed record EpochMetrics(int Epoch, long Step, double TrainLoss, double? ValidationLoss, double? ValidationAccuracy, double LearningRate)
{
    internal static EpochMetrics Of(MetricsRow row) =>
        new(row.Epoch, row.Step, row.TrainLoss, row.ValLoss, row.ValAccuracy, row.LearningRate);
}
