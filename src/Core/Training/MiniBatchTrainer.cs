using Functional.NN.Model;
using Functional.NN.Passes;

namespace Functional.NN.Training;

/// <summary>
/// Mini-batch training with any optimizer as a lazy, infinite sequence of <see cref="TrainingProgress"/>
/// values, one per update. Each epoch visits every batch of <see cref="TrainingPlan.BatchesOf"/> once, gathering
/// each batch only when its step comes.
/// Resuming from any yielded progress gives exactly the values the uninterrupted sequence would have.
/// </summary>
public static class MiniBatchTrainer
{
    /// <summary>The progress before any update: the initial parameters and the optimizer's initial state.</summary>
    public static TrainingProgress Start(TrainingPlan plan, Parameters initial)
    {
        initial.RequireFits(plan.Network);
        return new TrainingProgress(0, 0, 0, initial, plan.Optimizer.Init(initial), null);
    }

    /// <summary>One update on <paramref name="batch"/>: the gradient at the current parameters, then the optimizer step.</summary>
    public static TrainingProgress Step(TrainingPlan plan, TrainingProgress progress, Batch batch)
    {
        var result = Backpropagation.ValueAndGradient(plan.Network, progress.Parameters, batch);
        var (parameters, state) = plan.Optimizer.Step(progress.Parameters, result.Gradients, progress.OptimizerState);
        return progress with
        {
            Step = progress.Step + 1,
            BatchInEpoch = progress.BatchInEpoch + 1,
            Parameters = parameters,
            OptimizerState = state,
            BatchLoss = result.Value,
        };
    }

    /// <summary>The progress after every update from <paramref name="from"/> on (not including it), lazily.</summary>
    public static IEnumerable<TrainingProgress> Run(TrainingPlan plan, TrainingProgress from)
    {
        var progress = from;
        while (true)
        {
            if (progress.BatchInEpoch >= plan.BatchesPerEpoch)
                progress = progress with { Epoch = progress.Epoch + 1, BatchInEpoch = 0 };
            var batches = plan.BatchesOf(progress.Epoch);
            while (progress.BatchInEpoch < batches.Count)
            {
                progress = Step(plan, progress, batches[progress.BatchInEpoch]);
                yield return progress;
            }
        }
    }

    /// <summary>True when <paramref name="progress"/> has just finished an epoch.</summary>
    public static bool EndsEpoch(TrainingPlan plan, TrainingProgress progress) =>
        progress.Step > 0 && progress.BatchInEpoch == plan.BatchesPerEpoch;
}
