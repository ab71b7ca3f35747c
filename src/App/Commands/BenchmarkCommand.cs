using System.CommandLine;
using Functional.NN.App.Bench;

namespace Functional.NN.App.Commands;

/// <summary>
/// <c>fnn bench [seed|mlp|infer|memory|gemm|all] [--threads N] [--backend auto|openblas|managed] [--optimizer sgd|adam|both] [--dtype float64|float32]</c>: the speed
/// workloads, one JSON line per result (see <see cref="BenchCommand"/>).
/// </summary>
internal static class BenchmarkCommand
{
    /// <summary>The <c>bench</c> command with its argument and options.</summary>
    public static Command Create()
    {
        var workload = new Argument<string>("WORKLOAD")
        {
            Description = $"Which workload to run: {string.Join(", ", BenchCommand.Workloads)}.",
            DefaultValueFactory = _ => "all",
        };
        workload.AcceptOnlyFromAmong(BenchCommand.Workloads);
        var threads = new Option<int?>("--threads") { Description = "Threads of the compute backend (FNN_THREADS); default: all processors." };
        var backend = new Option<string?>("--backend") { Description = "Compute backend (FNN_BACKEND): auto, openblas or managed; default auto." };
        backend.AcceptOnlyFromAmong("auto", "openblas", "managed");
        var optimizer = new Option<string>("--optimizer")
        {
            Description = "Optimizer of the mlp workload, run through the training step of fnn train: sgd (lr 0.01), adam (lr 1e-3, cosine decay) or both (one line each); default both.",
            DefaultValueFactory = _ => "both",
        };
        optimizer.AcceptOnlyFromAmong("sgd", "adam", "both");
        var dtype = new Option<string>("--dtype")
        {
            Description = "Element type the workloads compute in: float64 or float32 (parameters and data rounded once from the same seeds); default float64.",
            DefaultValueFactory = _ => "float64",
        };
        dtype.AcceptOnlyFromAmong("float64", "float32");
        var command = new Command("bench", "Measure the speed workloads (seed: the tutorial's network, 10,000 SGD steps; mlp: 784-256-128-10 training steps with SGD and Adam, batch 128; infer: forward passes, batch 1024), median of 5 repeats, one JSON line per result. Run with -c Release.")
        {
            workload, threads, backend, optimizer, dtype,
        };
        command.SetAction(parse => BenchCommand.Run(parse.GetValue(workload)!, parse.GetValue(threads), parse.GetValue(backend), parse.GetValue(optimizer)!,
            parse.GetValue(dtype)!));
        return command;
    }
}
