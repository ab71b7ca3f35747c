namespace Functional.NN.Experiments.Runs;

/// <summary>One row of <c>metrics.csv</c>: the state of a run at the end of an epoch.</summary>
/// <param name="Epoch">The epoch just completed, counted from 1.</param>
/// <param name="Step">Updates made so far.</param>
/// <param name="TrainLoss">The mean of the epoch's batch losses (each at the parameters before its update).</param>
/// <param name="ValLoss">The loss on the validation part at the end of the epoch, or null without validation.</param>
/// <param name="ValAccuracy">The accuracy on the validation part (classification only), or null.</param>
/// <param name="LearningRate">The learning rate of the epoch's last update.</param>
/// <param name="Seconds">Wall-clock seconds of the epoch's updates, summed over the processes that trained it (not reproducible, unlike the rest).</param>
/// <param name="Health">Per-layer gradient norms and dead-ReLU fractions on the probe batch (<see cref="GradientProbe"/>), or null for rows of runs started before they were measured.</param>
internal sealed record MetricsRow(int Epoch, long Step, double TrainLoss, double? ValLoss, double? ValAccuracy, double LearningRate, double Seconds,
    LayerHealth? Health = null);

/// <summary>The best epoch so far by the selection loss (validation loss, or the training loss without validation).</summary>
/// <param name="Epoch">The epoch, from 1.</param>
/// <param name="Loss">Its selection loss.</param>
internal sealed record BestEpoch(int Epoch, double Loss);
