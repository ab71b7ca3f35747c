using System.Diagnostics;
using System.Runtime.InteropServices;
using Functional.NN.App.Bench;
using Functional.NN.Compute;
using Functional.NN.Optimizers;
using Functional.NN.Passes;

namespace Functional.NN.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tests/Benchmarks -- compare [repeats] [threads,...] [cpu]</c>: the mlp step
/// (<see cref="FusedSgd"/>, batch 128), inference (batch 1024) and the products of the mlp on the managed and the
/// OpenBLAS backend, alternating in one process, repeat after repeat, so that both see the same machine; prints
/// the medians and the managed/OpenBLAS ratio per repeat. With <c>cpu</c>, one-thread figures are in the calling
/// thread's CPU time (stable on a machine shared with other jobs; meaningless with more threads).
/// </summary>
internal static unsafe class AlternatingComparison
{
    public static void Run(string[] args)
    {
        var repeats = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 7;
        var threads = args.Length > 1 ? args[1].Split(',').Select(int.Parse).ToArray() : [1, 2];
        var cpu = args.Contains("cpu");
        var network = BenchModels.Mlp();
        var parameters = BenchModels.HeUniform(network, 1);
        var batch = BenchModels.Classification(network, 128, 2);
        var inputs = BenchModels.Classification(network, 1024, 3).Inputs;
        var random = new Random(5);
        double[] Random(int n) => Enumerable.Range(0, n).Select(_ => random.NextDouble() - 0.5).ToArray();
        var products = new (string Name, bool Ta, bool Tb, int M, int N, int K)[]
        {
            ("z 128x256x784", false, true, 128, 256, 784), ("z 128x128x256", false, true, 128, 128, 256), ("z 128x10x128", false, true, 128, 10, 128),
            ("dW 256x784x128", true, false, 256, 784, 128), ("dW 128x256x128", true, false, 128, 256, 128), ("dW 10x128x128", true, false, 10, 128, 128),
            ("dW 256x784x1024", true, false, 256, 784, 1024), ("δW 128x256x128", false, false, 128, 256, 128), ("δW 128x128x10", false, false, 128, 128, 10),
        }.Select(p => (p, A: Random(p.M * p.K), B: Random(p.K * p.N), C: new double[p.M * p.N])).ToArray();
        var results = new Dictionary<(string What, int Threads, string Backend), List<double>>();
        void Add(string what, int t, string backend, double value) =>
            (results.TryGetValue((what, t, backend), out var list) ? list : results[(what, t, backend)] = []).Add(value);
        double Seconds(Action action, int count)
        {
            for (var i = 0; i < Math.Max(1, count / 10); i++) action();
            var start = cpu ? ThreadCpuSeconds() : Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency;
            for (var i = 0; i < count; i++) action();
            var end = cpu ? ThreadCpuSeconds() : Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency;
            return (end - start) / count;
        }
        for (var r = 0; r < repeats; r++)
            foreach (var t in threads)
                foreach (var backend in new[] { BackendChoice.Managed(t), BackendChoice.OpenBlas(t) }.OfType<ComputeBackend>())
                {
                    Add("infer samples/s", t, backend.Name, 1024 / Seconds(() => ForwardPass.Predict(backend, network, parameters, inputs), 20));
                    Add("mlp samples/s", t, backend.Name, 128 / Seconds(() => FusedSgd.Step(backend, network, parameters, batch, 0.01), 60));
                    foreach (var (p, a, b, c) in products)
                        Add($"{p.Name} GFLOP/s", t, backend.Name, 2.0 * p.M * p.N * p.K / 1e9 /
                            Seconds(() => backend.Multiply(p.Ta, p.Tb, p.M, p.N, p.K, a, b, c, accumulate: false), 20));
                }
        Console.WriteLine($"{repeats} repeats, {(cpu ? "calling thread's CPU time" : "wall time")}; medians, and the median of the per-repeat managed/openblas ratios");
        foreach (var ((what, t, backend), managed) in results.Where(e => e.Key.Backend == "managed"))
        {
            var line = $"{what,-26} {t} thread{(t == 1 ? " " : "s")}  managed {Median(managed),10:F1}";
            if (results.TryGetValue((what, t, "openblas"), out var blas))
                line += $"  openblas {Median(blas),10:F1}  ratio {Median(managed.Zip(blas, (x, y) => x / y).ToList()):F3}";
            Console.WriteLine(line);
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, long* time);

    private static double ThreadCpuSeconds()
    {
        const int ThreadCpuTimeClock = 3; // CLOCK_THREAD_CPUTIME_ID
        var time = stackalloc long[2];
        return ClockGetTime(ThreadCpuTimeClock, time) == 0 ? time[0] + time[1] * 1e-9 : double.NaN;
    }
}
