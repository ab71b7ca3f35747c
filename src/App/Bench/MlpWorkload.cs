using System.Diagnostics;
using Functional.NN.Optimizers;
using Functional.NN.Training;

namespace Functional.NN.App.Bench;

/// <summary>
/// One training step of a 784-256-128-10 ReLU/ReLU/softmax network with softmax cross-entropy on a batch of 128,
/// per optimizer (SGD lr 0.01; Adam lr 1e-3 with cosine decay, as <c>examples/fashion-mnist.json</c>): 20 warm-up
/// then 200 timed steps per repeat. The headline figure is <see cref="TrainingStep"/>, the step <c>fnn train</c>
/// runs; the same steps through <see cref="Trainer.GradientDescent(Functional.NN.Model.Network, Functional.NN.Model.Parameters<double>, Functional.NN.Model.Batch<double>, GradientTransformation)"/>
/// (which also hands out every gradient) are timed in the same repeats, alternating, and reported beside it.
/// </summary>
internal static class MlpWorkload
{
    /// <summary>Examples per batch.</summary>
    public const int BatchSize = 128;

    /// <summary>The optimizers the workload runs, one JSON line each.</summary>
    public static readonly string[] Optimizers = ["sgd", "adam"];

    private const int WarmUpSteps = 20, TimedSteps = 200;

    /// <summary>Runs the workload with optimizer <paramref name="optimizerName"/> in the context's element type and returns its JSON line.</summary>
    public static string Run(BenchContext context, string optimizerName) =>
        context.Dtype == Experiments.ElementType.Float32 ? Run<float>(context, optimizerName) : Run<double>(context, optimizerName);

    /// <summary>The workload in <typeparamref name="T"/>: parameters and batch made in float64 from the fixed seeds and rounded once.</summary>
    private static string Run<T>(BenchContext context, string optimizerName) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        var network = BenchModels.Mlp();
        var initial = BenchModels.HeUniform(network, seed: 1).Convert<T>();
        var batch = BenchModels.Classification(network, BatchSize, seed: 2).Convert<T>().ThrowIfFail();
        var optimizer = BenchModels.MlpOptimizer(optimizerName);
        IEnumerable<double> Step() => BenchModels.StepLosses(network, optimizer, initial, batch);
        IEnumerable<double> Unfused() => Trainer.GradientDescent(network, initial, batch, optimizer).Select(s => double.CreateTruncating(s.Loss));

        foreach (var losses in new[] { Step(), Unfused() })
        {
            var warm = Stopwatch.StartNew();
            using var steps = losses.GetEnumerator();
            while (warm.Elapsed < TimeSpan.FromSeconds(1)) steps.MoveNext();
        }
        var step = new Timings();
        var unfused = new Timings();
        var peaks = new List<double>();
        for (var r = 0; r < context.Repeats; r++)
        {
            peaks.Add(MachinePeak.Gflops());
            step.Measure(Step());
            unfused.Measure(Unfused());
        }
        var flops = MachinePeak.TrainingFlopsPerSample(network);
        var limits = peaks.Select(p => p * 1e9 / flops).ToList();
        var budget = 3 * BenchModels.ParameterAndActivationBytes(network, initial, BatchSize);
        var line = context.Header("mlp");
        line["api"] = "TrainingStep.Run";
        line["optimizer"] = optimizer.Name;
        line["batch"] = BatchSize;
        line["timed_steps"] = TimedSteps;
        line["samples_per_s"] = Stats.Round(Stats.Median(step.Rates));
        line["samples_per_cpu_s"] = Stats.Round(Stats.Median(step.CpuRates));
        line["last_step_loss"] = step.LastLoss;
        line["allocated_bytes_per_step"] = Stats.Round(Stats.Median(step.Allocated));
        line["allocation_budget_bytes"] = budget;
        line["allocation_within_budget"] = Stats.Median(step.Allocated) <= budget;
        line["gc_collections_gen012_last_repeat"] = step.Collections;
        line["working_set_bytes_after_each_repeat"] = step.WorkingSets;
        line["repeat_samples_per_s"] = step.Rates.Select(f => Stats.Round(f)).ToArray();
        line["flops_per_sample"] = flops;
        line["peak_gflops_before_each_repeat"] = peaks.Select(p => Stats.Round(p, 3)).ToArray();
        line["limit_samples_per_s"] = Stats.Round(Stats.Median(limits));
        line["fraction_of_limit"] = Stats.Round(Stats.Median(step.Rates.Zip(limits, (f, l) => f / l).ToList()), 3);
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
