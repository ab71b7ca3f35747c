using System.Numerics;
using Functional.NN.Tensors;
using Functional.NN.Compute;
using Functional.NN.Optimizers.Elementwise;
using Functional.NN.Training;
using LanguageExt;

namespace Functional.NN.Distributed;

/// <summary>
/// <see cref="MiniBatchTrainer"/> across the members of an <see cref="ICollective"/>: the same lazy, resumable
/// sequence of <see cref="TrainingProgress"/> values, on every rank, bit for bit the one-process sequence. Each rank
/// gathers only its own rows of each batch (<see cref="RowShare"/>) and each update is a <see cref="DataParallelStep"/>.
/// Every rank must read the sequence in step: a rank that stops reading stops the others at their next step.
/// </summary>
public static class DataParallelTrainer
{
    /// <summary>Why <paramref name="plan"/> cannot be trained on the ranks of <paramref name="collective"/>, or unit.</summary>
    public static Fin<Unit> Supports(TrainingPlan plan, ICollective collective) =>
        DataParallelStep.Supports(plan.Network, collective.Size);

    /// <summary>
    /// <see cref="Supports(TrainingPlan, ICollective)"/> for a run in <typeparamref name="T"/>: across processes the step
    /// is float64 only (its reductions between ranks are written for doubles); one process trains in either type.
    /// </summary>
    public static Fin<Unit> Supports<T>(TrainingPlan plan, ICollective collective) where T : unmanaged, IFloatingPointIeee754<T> =>
        collective.Size > 1 && typeof(T) != typeof(double)
            ? LanguageExt.Common.Error.New($"dtype: data-parallel training across {collective.Size} processes runs in float64 only, not {ElementTypeName.Of<T>()}")
            : Supports(plan, collective);

    /// <summary>The progress after every update from <paramref name="from"/> on (not including it), lazily.</summary>
    public static IEnumerable<TrainingProgress> Run(TrainingPlan plan, TrainingProgress from, ICollective collective)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(collective);
        return collective.Size == 1 ? MiniBatchTrainer.Run(plan, from) : Split(plan, from, collective);
    }

    /// <summary>
    /// <see cref="Run"/> for a loop that keeps only the latest progress it was given and hands none out: each step
    /// writes into the arrays of the progress two steps back (<see cref="MiniBatchTrainer.RunKeepingLatest"/>).
    /// </summary>
    internal static IEnumerable<TrainingProgress<T>> RunKeepingLatest<T>(TrainingPlan plan, TrainingProgress<T> from, ICollective collective) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(collective);
        if (collective.Size == 1) return MiniBatchTrainer.RunKeepingLatest(plan, from);
        if (from is not TrainingProgress<double> wide)
            throw new ArgumentException($"data-parallel training runs in float64 only, not {ElementTypeName.Of<T>()} (see Supports)");
        return (IEnumerable<TrainingProgress<T>>)Split(plan, wide, collective, StepArrays.Recycling());
    }

    private static IEnumerable<TrainingProgress> Split(TrainingPlan plan, TrainingProgress from, ICollective collective) =>
        Split(plan, from, collective, StepArrays.Fresh);

    private static IEnumerable<TrainingProgress> Split(TrainingPlan plan, TrainingProgress from, ICollective collective, StepArrays arrays)
    {
        var progress = from;
        while (true)
        {
            if (progress.BatchInEpoch >= plan.BatchesPerEpoch)
                progress = progress with { Epoch = progress.Epoch + 1, BatchInEpoch = 0 };
            var batches = plan.BatchesOf(progress.Epoch);
            while (progress.BatchInEpoch < batches.Count)
            {
                var index = progress.BatchInEpoch;
                var rows = batches.RowsOf(index);
                var share = RowShare.Of(rows, collective.Rank, collective.Size);
                var result = DataParallelStep.Run(ComputeBackend.Current, collective, plan.Network, plan.Optimizer, progress.Parameters, progress.OptimizerState,
                    batches.Rows(index, share.From, share.Rows, arrays), rows, arrays);
                arrays.StepEnded();
                progress = progress with
                {
                    Step = progress.Step + 1,
                    BatchInEpoch = index + 1,
                    Parameters = result.Parameters,
                    OptimizerState = result.OptimizerState,
                    BatchLoss = result.Loss,
                };
                yield return progress;
            }
        }
    }
}
