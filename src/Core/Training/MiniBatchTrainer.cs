using System.Numerics;
using Functional.NN.Compute;
using Functional.NN.Model;
using Functional.NN.Optimizers;
using Functional.NN.Optimizers.Elementwise;

namespace Functional.NN.Training;

/// <summary>
/// Mini-batch training as a lazy, infinite sequence of <see cref="TrainingProgress"/> values, one per update. Each
/// epoch visits every batch of <see cref="TrainingPlan.BatchesOf"/> once, gathering each batch only when its step
/// comes, and each update is a step function
/// step(p, s, batch) → (loss, p', s'): the plan's optimizer through <see cref="TrainingStep"/>, or one the caller
/// writes (as JAX users write their own <c>train_step</c>). Resuming from any yielded progress gives exactly the
/// values the uninterrupted sequence would have.
/// </summary>
public static class MiniBatchTrainer
{
    /// <summary>The progress before any update: the initial parameters and the optimizer's initial state.</summary>
    public static TrainingProgress<T> Start<T>(TrainingPlan plan, Parameters<T> initial) where T : unmanaged, IFloatingPointIeee754<T>
    {
        initial.RequireFits(plan.Network);
        return new TrainingProgress<T>(0, 0, 0, initial, plan.Optimizer.InitialState(initial), null);
    }

    /// <summary>One update on <paramref name="batch"/> by the plan's optimizer (<see cref="TrainingStep"/>).</summary>
    public static TrainingProgress<T> Step<T>(TrainingPlan plan, TrainingProgress<T> progress, Batch<T> batch) where T : unmanaged, IFloatingPointIeee754<T> =>
        Step(progress, batch, TrainingStep.For<T>(plan.Network, plan.Optimizer));

    /// <summary>The progress after every update from <paramref name="from"/> on (not including it), lazily.</summary>
    public static IEnumerable<TrainingProgress<T>> Run<T>(TrainingPlan plan, TrainingProgress<T> from) where T : unmanaged, IFloatingPointIeee754<T> =>
        Run(plan, from, TrainingStep.For<T>(plan.Network, plan.Optimizer));

    /// <summary>
    /// The progress after every update from <paramref name="from"/> on, each update made by <paramref name="step"/>
    /// (a pure function of the parameters, the optimizer state and the batch), lazily. The plan gives the batches.
    /// </summary>
    public static IEnumerable<TrainingProgress<T>> Run<T>(TrainingPlan plan, TrainingProgress<T> from, Func<Parameters<T>, OptimizerState, Batch<T>, StepResult<T>> step) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(step);
        return Steps(plan, from, step, (batches, index) => batches[index]);
    }

    private static IEnumerable<TrainingProgress<T>> Steps<T>(TrainingPlan plan, TrainingProgress<T> from,
        Func<Parameters<T>, OptimizerState, Batch<T>, StepResult<T>> step, Func<EpochBatches<T>, int, Batch<T>> gather) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var progress = from;
        while (true)
        {
            if (progress.BatchInEpoch >= plan.BatchesPerEpoch)
                progress = progress with { Epoch = progress.Epoch + 1, BatchInEpoch = 0 };
            var batches = plan.BatchesOf<T>(progress.Epoch);
            while (progress.BatchInEpoch < batches.Count)
            {
                progress = Step(progress, gather(batches, progress.BatchInEpoch), step);
                yield return progress;
            }
        }
    }

    /// <summary>
    /// <see cref="Run{T}(TrainingPlan, TrainingProgress{T})"/> for a loop that keeps only the latest progress it was given and
    /// hands none out (the run loop of <c>fnn train</c>): the same numbers, but each step writes its new parameters and
    /// moments (and gathers its batch) into the arrays of the progress two steps back (<see cref="StepArrays.Recycling"/>),
    /// so that every step works in the same, cached memory. A progress is only valid until the sequence has moved two steps past it;
    /// <paramref name="from"/> itself is never written.
    /// </summary>
    internal static IEnumerable<TrainingProgress<T>> RunKeepingLatest<T>(TrainingPlan plan, TrainingProgress<T> from) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var arrays = StepArrays.Recycling();
        return Steps(plan, from, (parameters, state, batch) =>
        {
            var result = TrainingStep.Run(ComputeBackend.Current, plan.Network, plan.Optimizer, parameters, state, batch, arrays);
            arrays.StepEnded();
            return result;
        }, (batches, index) => batches.Gather(index, arrays));
    }

    /// <summary>True when <paramref name="progress"/> has just finished an epoch.</summary>
    public static bool EndsEpoch<T>(TrainingPlan plan, TrainingProgress<T> progress) where T : unmanaged, IFloatingPointIeee754<T> =>
        progress.Step > 0 && progress.BatchInEpoch == plan.BatchesPerEpoch;

    private static TrainingProgress<T> Step<T>(TrainingProgress<T> progress, Batch<T> batch, Func<Parameters<T>, OptimizerState, Batch<T>, StepResult<T>> step) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var result = step(progress.Parameters, progress.OptimizerState, batch);
        return progress with
        {
            Step = progress.Step + 1,
            BatchInEpoch = progress.BatchInEpoch + 1,
            Parameters = result.Parameters,
            OptimizerState = result.OptimizerState,
            BatchLoss = result.Loss,
        };
    }
}
