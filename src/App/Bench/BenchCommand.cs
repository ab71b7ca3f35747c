using Functional.NN.Compute;
using Functional.NN.Experiments;

namespace Functional.NN.App.Bench;

/// <summary>
/// <c>fnn bench [seed|mlp|infer|memory|gemm|all] [--threads N] [--backend auto|openblas|managed] [--optimizer sgd|adam|both]
/// [--dtype float64|float32]</c>: the speed workloads of issue 5, one JSON line per result on standard output, each naming its dtype.
/// </summary>
internal static class BenchCommand
{
    /// <summary>The workloads that <c>all</c> runs, in order.</summary>
    public static readonly string[] AllWorkloads = ["seed", "mlp", "infer"];

    /// <summary>
    /// The workloads that run in float32: infer and mlp (the training step <c>fnn train</c> runs). seed stays float64: its
    /// frozen-bias SGD is a mask over a transformation, which Core keeps double-only.
    /// </summary>
    public static readonly string[] Float32Workloads = ["mlp", "infer"];

    /// <summary>Every workload name accepted.</summary>
    public static readonly string[] Workloads = ["seed", "mlp", "infer", "memory", "gemm", "all"];

    /// <summary>
    /// Runs the workload. <paramref name="threads"/> and <paramref name="backend"/> are handed to the core as
    /// <c>FNN_THREADS</c> and <c>FNN_BACKEND</c>, which it reads once, so this must run before anything touches
    /// the core's compute backend. Returns the process exit code.
    /// </summary>
    public static int Run(string workload, int? threads, string? backend, string optimizer = "both", string dtype = "float64")
    {
        if (ElementTypes.FromName(dtype).Case is not ElementType elementType)
        {
            Console.Error.WriteLine($"fnn: error: --dtype: expected \"float32\" or \"float64\", got \"{dtype}\"");
            return 2;
        }
        if (elementType == ElementType.Float32 && (workload == "all" ? AllWorkloads : [workload]).FirstOrDefault(w => !Float32Workloads.Contains(w)) is { } single)
        {
            Console.Error.WriteLine($"fnn: error: the {single} workload runs in float64 only so far; --dtype float32 runs {string.Join(", ", Float32Workloads)}");
            return 2;
        }
        if (optimizer != "both" && !MlpWorkload.Optimizers.Contains(optimizer))
        {
            Console.Error.WriteLine($"fnn: error: unknown optimizer '{optimizer}'; known: {string.Join(", ", MlpWorkload.Optimizers)}, both");
            return 2;
        }
        if (!Workloads.Contains(workload))
        {
            Console.Error.WriteLine($"fnn: error: unknown workload '{workload}'; known: {string.Join(", ", Workloads)}");
            return 2;
        }
        if (threads is < 1)
        {
            Console.Error.WriteLine($"fnn: error: --threads must be at least 1, got {threads}");
            return 2;
        }
        if (threads is { } t) Environment.SetEnvironmentVariable(ComputeBackend.ThreadsVariable, t.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (backend is not null) Environment.SetEnvironmentVariable(ComputeBackend.BackendVariable, backend);
        ComputeBackend compute;
        try
        {
            compute = ComputeBackend.Current;
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine($"fnn: error: {e.Message}");
            return 2;
        }
        var context = BenchContext.Create(compute, elementType);
        Console.Error.WriteLine($"bench: {compute}; {context.LoadText}");
        foreach (var name in workload == "all" ? AllWorkloads : [workload])
        {
            var line = name switch
            {
                "seed" => SeedWorkload.Run(context),
                "mlp" => string.Join(Environment.NewLine, (optimizer == "both" ? MlpWorkload.Optimizers : [optimizer]).Select(o => MlpWorkload.Run(context, o))),
                "infer" => InferWorkload.Run(context),
                "gemm" => GemmWorkload.Run(context),
                _ => MemoryWorkload.Run(context),
            };
            Console.WriteLine(line);
        }
        return 0;
    }
}
