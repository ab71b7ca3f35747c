using System.Diagnostics;
using Functional.NN.Training;

namespace Functional.NN.App.Bench;

/// <summary>
/// One SGD training step (lr 0.01) of a 784-256-128-10 ReLU/ReLU/softmax network with softmax cross-entropy
/// on a batch of 128, through <c>Trainer.GradientDescent</c>: 20 warm-up then 200 timed steps per repeat.
/// </summary>
internal static class MlpWorkload
{
    /// <summary>Examples per batch.</summary>
    public const int BatchSize = 128;

    private const int WarmUpSteps = 20, TimedSteps = 200;

    /// <summary>Runs the workload and returns its JSON line.</summary>
    public static string Run(BenchContext context)
    {
        var network = BenchModels.Mlp();
        var initial = BenchModels.HeUniform(network, seed: 1);
        var batch = BenchModels.Classification(network, BatchSize, seed: 2);

        var warm = Stopwatch.StartNew();
        using (var steps = Trainer.GradientDescent(network, initial, batch, 0.01).GetEnumerator())
            while (warm.Elapsed < TimeSpan.FromSeconds(1.5)) steps.MoveNext();

        var figures = new List<double>();
        var allocated = new List<double>();
        var workingSets = new List<double>();
        var cpuFigures = new List<double>();
        int[] gcCounts = [];
        var lastLoss = double.NaN;
        for (var r = 0; r < context.Repeats; r++)
        {
            using var steps = Trainer.GradientDescent(network, initial, batch, 0.01).GetEnumerator();
            for (var i = 0; i <= WarmUpSteps; i++) steps.MoveNext();
            var collections = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
            var cpu = BenchContext.CpuTime();
            var bytes = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < TimedSteps; i++) steps.MoveNext();
            clock.Stop();
            cpuFigures.Add(BatchSize * TimedSteps / (BenchContext.CpuTime() - cpu).TotalSeconds);
            allocated.Add((double)(GC.GetTotalAllocatedBytes(precise: true) - bytes) / TimedSteps);
            figures.Add(BatchSize * TimedSteps / clock.Elapsed.TotalSeconds);
            lastLoss = steps.Current.Loss;
            gcCounts = [GC.CollectionCount(0) - collections.Item1, GC.CollectionCount(1) - collections.Item2, GC.CollectionCount(2) - collections.Item3];
            workingSets.Add(BenchContext.SettledWorkingSet());
        }
        var budget = 3 * BenchModels.ParameterAndActivationBytes(network, initial, BatchSize);
        var line = context.Header("mlp");
        line["batch"] = BatchSize;
        line["timed_steps"] = TimedSteps;
        line["samples_per_s"] = Stats.Round(Stats.Median(figures));
        line["samples_per_cpu_s"] = Stats.Round(Stats.Median(cpuFigures));
        line["last_step_loss"] = lastLoss;
        line["allocated_bytes_per_step"] = Stats.Round(Stats.Median(allocated));
        line["allocation_budget_bytes"] = budget;
        line["allocation_within_budget"] = Stats.Median(allocated) <= budget;
        line["gc_collections_gen012_last_repeat"] = gcCounts;
        line["working_set_bytes_after_each_repeat"] = workingSets;
        line["repeat_samples_per_s"] = figures.Select(f => Stats.Round(f)).ToArray();
        return Stats.Json(line);
    }
}
