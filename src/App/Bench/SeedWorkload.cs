using System.Diagnostics;
using Functional.NN.Model;
using Functional.NN.Optimizers;
using Functional.NN.Training;

namespace Functional.NN.App.Bench;

/// <summary>
/// The tutorial's 2-2-2 network, 10,000 standard SGD iterations (lr 0.5, biases frozen) through the public
/// pure API: <c>Trainer.GradientDescent(...).Take(10_001).Last()</c>.
/// </summary>
internal static class SeedWorkload
{
    private const int Iterations = 10_000;

    /// <summary>Runs the workload and returns its JSON line.</summary>
    public static string Run(BenchContext context)
    {
        var (network, parameters, batch) = BenchModels.Seed();
        var frozenBiasSgd = Transform.Chain(Transform.Freeze(ParameterMask.Biases(network)), Optimizer.Sgd(0.5));
        TrainingState Train() => Trainer.GradientDescent(network, parameters, batch, frozenBiasSgd).Take(Iterations + 1).Last();

        // Warm-up long enough for the JIT's tiered recompilation to finish.
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed < TimeSpan.FromSeconds(1.5)) Train();

        var figures = new List<double>();
        var allocated = new List<double>();
        var workingSetGrowth = new List<double>();
        var cpuFigures = new List<double>();
        TrainingState last = null!;
        for (var r = 0; r < context.Repeats; r++)
        {
            var before = BenchContext.SettledWorkingSet();
            var cpu = BenchContext.CpuTime();
            var bytes = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            last = Train();
            clock.Stop();
            cpuFigures.Add((BenchContext.CpuTime() - cpu).TotalMicroseconds / Iterations);
            allocated.Add((double)(GC.GetAllocatedBytesForCurrentThread() - bytes) / Iterations);
            figures.Add(clock.Elapsed.TotalMicroseconds / Iterations);
            workingSetGrowth.Add(BenchContext.SettledWorkingSet() - before);
        }
        var line = context.Header("seed");
        line["iterations"] = Iterations;
        line["us_per_iter"] = Stats.Round(Stats.Median(figures));
        line["cpu_us_per_iter"] = Stats.Round(Stats.Median(cpuFigures));
        line["final_loss"] = last.Loss;
        line["final_step"] = last.Step;
        line["allocated_bytes_per_step"] = Stats.Round(Stats.Median(allocated));
        line["working_set_growth_bytes_per_10000_steps"] = workingSetGrowth;
        line["repeat_us_per_iter"] = figures.Select(f => Stats.Round(f)).ToArray();
        return Stats.Json(line);
    }
}
