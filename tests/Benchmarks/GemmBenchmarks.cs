using BenchmarkDotNet.Attributes;
using Functional.NN.Compute;

namespace Functional.NN.Benchmarks;

/// <summary>
/// Time of one matrix product of the mlp's training step (<see cref="GemmProduct"/>: forward 128x256x784,
/// weight gradient 256x784x128, delta 128x256x128; 2·m·n·k = 51.4, 51.4 and 8.4 MFLOP) on each compute backend
/// with one thread, side by side. The GFLOP/s column is that count over the mean time. The OpenBLAS cases are
/// left out when <c>libopenblas.so.0</c> is not installed.
/// </summary>
[GflopsColumn]
public class GemmBenchmarks
{
    private ComputeBackend _backend = null!;
    private GemmShape _shape = null!;
    private double[] _a = [], _b = [], _c = [];

    /// <summary>The backends present on this machine: <c>managed</c>, and <c>openblas</c> when its library loads.</summary>
    public static IEnumerable<string> Backends =>
        BackendChoice.OpenBlas(1) is null ? ["managed"] : ["managed", "openblas"];

    /// <summary>The compute backend, one-threaded.</summary>
    [ParamsSource(nameof(Backends))]
    public string Backend { get; set; } = "managed";

    /// <summary>Which product of the training step.</summary>
    [ParamsAllValues]
    public GemmProduct Product { get; set; }

    /// <summary>The backend and operands of the product, uniform in [-0.5, 0.5) from a fixed seed.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _backend = Backend == "openblas"
            ? BackendChoice.OpenBlas(1) ?? throw new InvalidOperationException("libopenblas.so.0 did not load")
            : BackendChoice.Managed(1);
        _shape = GemmShape.Of(Product);
        var random = new Random(5);
        double[] Operand(int length) => Enumerable.Range(0, length).Select(_ => random.NextDouble() - 0.5).ToArray();
        (_a, _b, _c) = (Operand(_shape.M * _shape.K), Operand(_shape.K * _shape.N), new double[_shape.M * _shape.N]);
    }

    /// <summary>C = op(A) · op(B), overwriting C.</summary>
    [Benchmark]
    public void Multiply() =>
        _backend.Multiply(_shape.TransposeA, _shape.TransposeB, _shape.M, _shape.N, _shape.K, _a, _b, _c, accumulate: false);
}
