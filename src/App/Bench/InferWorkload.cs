using System.Diagnostics;
using System.Numerics;
using Functional.NN.Experiments;
using Functional.NN.Passes;

namespace Functional.NN.App.Bench;

/// <summary>
/// The 784-256-128-10 network's forward pass (<c>ForwardPass.Predict</c>) on a batch of 1024, in the context's element type
/// (parameters and inputs made in float64 from the fixed seeds and rounded once): 5 warm-up then 50 timed passes.
/// </summary>
internal static class InferWorkload
{
    private const int BatchSize = 1024, WarmUp = 5, Timed = 50;

    /// <summary>Runs the workload and returns its JSON line.</summary>
    public static string Run(BenchContext context) =>
        context.Dtype == ElementType.Float32 ? Run<float>(context) : Run<double>(context);

    private static string Run<T>(BenchContext context) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var network = BenchModels.Mlp();
        var parameters = BenchModels.HeUniform(network, seed: 1).Convert<T>();
        var inputs = BenchModels.Classification(network, BatchSize, seed: 3).Inputs.Convert<T>();

        var warm = Stopwatch.StartNew();
        while (warm.Elapsed < TimeSpan.FromSeconds(1.5)) ForwardPass.Predict(network, parameters, inputs);

        var figures = new List<double>();
        var allocated = new List<double>();
        var cpuFigures = new List<double>();
        var checksum = T.Zero;
        var peaks = new List<double>();
        for (var r = 0; r < context.Repeats; r++)
        {
            peaks.Add(MachinePeak.Gflops());
            for (var i = 0; i < WarmUp; i++) ForwardPass.Predict(network, parameters, inputs);
            var cpu = BenchContext.CpuTime();
            var bytes = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < Timed; i++) checksum = ForwardPass.Predict(network, parameters, inputs)[0, 0];
            clock.Stop();
            cpuFigures.Add(BatchSize * Timed / (BenchContext.CpuTime() - cpu).TotalSeconds);
            allocated.Add((double)(GC.GetTotalAllocatedBytes(precise: true) - bytes) / Timed);
            figures.Add(BatchSize * Timed / clock.Elapsed.TotalSeconds);
        }
        var line = context.Header("infer");
        line["batch"] = BatchSize;
        line["timed_passes"] = Timed;
        line["samples_per_s"] = Stats.Round(Stats.Median(figures));
        line["samples_per_cpu_s"] = Stats.Round(Stats.Median(cpuFigures));
        line["output_0_0"] = double.CreateTruncating(checksum);
        line["allocated_bytes_per_step"] = Stats.Round(Stats.Median(allocated));
        line["repeat_samples_per_s"] = figures.Select(f => Stats.Round(f)).ToArray();
        var flops = MachinePeak.ForwardFlopsPerSample(network);
        var limits = peaks.Select(p => p * 1e9 / flops).ToList();
        line["flops_per_sample"] = flops;
        line["peak_gflops_before_each_repeat"] = peaks.Select(p => Stats.Round(p, 3)).ToArray();
        line["limit_samples_per_s"] = Stats.Round(Stats.Median(limits));
        line["fraction_of_limit"] = Stats.Round(Stats.Median(figures.Zip(limits, (f, l) => f / l).ToList()), 3);
        return Stats.Json(line);
    }
}
