using System.Diagnostics;
using Functional.NN.Tensors;

namespace Functional.NN.App.Bench;

/// <summary>Raw matrix-product speed of the backend (GFLOP/s) on the shapes of the mlp and infer workloads.</summary>
internal static class GemmWorkload
{
    /// <summary>Runs the workload and returns its JSON line.</summary>
    public static string Run(BenchContext context)
    {
        var random = new Random(5);
        Tensor Random(int rows, int columns) => Tensor.Build(rows, columns, (_, _) => random.NextDouble() - 0.5);
        var shapes = new (string Name, int M, int N, int K)[]
        {
            ("forward_784x256_b128", 128, 256, 784), ("weight_grad_256x784_b128", 256, 784, 128),
            ("delta_b128_256x128", 128, 256, 128), ("forward_784x256_b1024", 1024, 256, 784),
        };
        var line = context.Header("gemm");
        foreach (var (name, m, n, k) in shapes)
        {
            var (a, b) = (Random(m, k), Random(k, n));
            var flops = 2.0 * m * n * k;
            var repeats = Math.Max(3, (int)(2e9 / flops));
            var figures = new List<double>();
            for (var r = 0; r < context.Repeats + 1; r++)
            {
                var clock = Stopwatch.StartNew();
                for (var i = 0; i < repeats; i++) TensorAlgebra.Multiply(a, b);
                if (r > 0) figures.Add(flops * repeats / clock.Elapsed.TotalSeconds / 1e9);
            }
            line[$"{name}_gflops"] = Stats.Round(Stats.Median(figures), 3);
        }
        return Stats.Json(line);
    }
}
