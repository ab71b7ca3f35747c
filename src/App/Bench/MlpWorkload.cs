using System.Diagnostics;
using Functional.NN.Optimizers;
using Functional.NN.Training;

namespace Functional.NN.App.Bench;

/// <summary>
/// One SGD training step (lr 0.01) of a 784-256-128-10 ReLU/ReLU/softmax network with softmax cross-entropy
/// on a batch of 128: 20 warm-up then 200 timed steps per repeat. The headline figure is the training step
/// <see cref="FusedSgd.Step"/>; the same steps through <see cref="Trainer.GradientDescent"/> (which also hands
/// out every gradient) are timed in the same repeats, alternating, and reported beside it.
/// </summary>
internal static class MlpWorkload
{
    /// <summary>Examples per batch.</summary>
    public const int BatchSize = 128;

    private const int WarmUpSteps = 20, TimedSteps = 200;
    private const double LearningRate = 0.01;

    /// <summary>Runs the workload and returns its JSON line.</summary>
    public static string Run(BenchContext context)
    {
        var network = BenchModels.Mlp();
        var initial = BenchModels.HeUniform(network, seed: 1);
        var batch = BenchModels.Classification(network, BatchSize, seed: 2);
        IEnumerable<double> Fused() => BenchModels.FusedSgdLosses(network, initial, batch, LearningRate);
        IEnumerable<double> Unfused() => Trainer.GradientDescent(network, initial, batch, LearningRate).Select(s => s.Loss);

        foreach (var losses in new[] { Fused(), Unfused() })
        {
            var warm = Stopwatch.StartNew();
            using var steps = losses.GetEnumerator();
            while (warm.Elapsed < TimeSpan.FromSeconds(1)) steps.MoveNext();
        }
        var fused = new Timings();
        var unfused = new Timings();
        var peaks = new List<double>();
        for (var r = 0; r < context.Repeats; r++)
        {
            peaks.Add(MachinePeak.Gflops());
            fused.Measure(Fused());
            unfused.Measure(Unfused());
        }
        var flops = MachinePeak.TrainingFlopsPerSample(network);
        var limits = peaks.Select(p => p * 1e9 / flops).ToList();
        var budget = 3 * BenchModels.ParameterAndActivationBytes(network, initial, BatchSize);
        var line = context.Header("mlp");
        line["api"] = "FusedSgd.Step";
        line["batch"] = BatchSize;
        line["timed_steps"] = TimedSteps;
        line["samples_per_s"] = Stats.Round(Stats.Median(fused.Rates));
        line["samples_per_cpu_s"] = Stats.Round(Stats.Median(fused.CpuRates));
        line["last_step_loss"] = fused.LastLoss;
        line["allocated_bytes_per_step"] = Stats.Round(Stats.Median(fused.Allocated));
        line["allocation_budget_bytes"] = budget;
        line["allocation_within_budget"] = Stats.Median(fused.Allocated) <= budget;
        line["gc_collections_gen012_last_repeat"] = fused.Collections;
        line["working_set_bytes_after_each_repeat"] = fused.WorkingSets;
        line["repeat_samples_per_s"] = fused.Rates.Select(f => Stats.Round(f)).ToArray();
        line["flops_per_sample"] = flops;
        line["peak_gflops_before_each_repeat"] = peaks.Select(p => Stats.Round(p, 3)).ToArray();
        line["limit_samples_per_s"] = Stats.Round(Stats.Median(limits));
        line["fraction_of_limit"] = Stats.Round(Stats.Median(fused.Rates.Zip(limits, (f, l) => f / l).ToList()), 3);
        line["trainer_samples_per_s"] = Stats.Round(Stats.Median(unfused.Rates));
        line["trainer_last_step_loss"] = unfused.LastLoss;
        line["trainer_allocated_bytes_per_step"] = Stats.Round(Stats.Median(unfused.Allocated));
        line["trainer_repeat_samples_per_s"] = unfused.Rates.Select(f => Stats.Round(f)).ToArray();
        return Stats.Json(line);
    }

    /// <summary>The figures of the repeats of one way of stepping.</summary>
    private sealed class Timings
    {
        public List<double> Rates { get; } = [];
        public List<double> CpuRates { get; } = [];
        public List<double> Allocated { get; } = [];
        public List<double> WorkingSets { get; } = [];
        public int[] Collections { get; private set; } = [];
        public double LastLoss { get; private set; } = double.NaN;

        /// <summary>Warms up, then times <see cref="TimedSteps"/> steps of a fresh sequence from the initial parameters.</summary>
        public void Measure(IEnumerable<double> losses)
        {
            using var steps = losses.GetEnumerator();
            for (var i = 0; i <= WarmUpSteps; i++) steps.MoveNext();
            var collections = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
            var cpu = BenchContext.CpuTime();
            var bytes = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < TimedSteps; i++) steps.MoveNext();
            clock.Stop();
            CpuRates.Add(BatchSize * TimedSteps / (BenchContext.CpuTime() - cpu).TotalSeconds);
            Allocated.Add((double)(GC.GetTotalAllocatedBytes(precise: true) - bytes) / TimedSteps);
            Rates.Add(BatchSize * TimedSteps / clock.Elapsed.TotalSeconds);
            LastLoss = steps.Current;
            Collections = [GC.CollectionCount(0) - collections.Item1, GC.CollectionCount(1) - collections.Item2, GC.CollectionCount(2) - collections.Item3];
            WorkingSets.Add(BenchContext.SettledWorkingSet());
        }
    }
}
