using Functional.NN.App.Bench;
using Xunit;

namespace Functional.NN.Tests.App.Bench;

/// <summary><c>fnn bench --dtype</c>: an unknown dtype, or a workload that runs in float64 only, is refused before anything runs.</summary>
public sealed class BenchDtypeTests
{
    [Theory]
    [InlineData("seed", "float32")]
    [InlineData("all", "float32")]
    [InlineData("gemm", "float32")]
    [InlineData("mlp", "float16")]
    public void A_dtype_the_workload_cannot_run_in_is_a_usage_error(string workload, string dtype) =>
        Assert.Equal(2, BenchCommand.Run(workload, threads: 1, backend: null, optimizer: "both", dtype: dtype));

    [Fact]
    public void Mlp_and_infer_run_in_float32() => Assert.Equal(["mlp", "infer"], BenchCommand.Float32Workloads);
}
