using BenchmarkDotNet.Running;

namespace Functional.NN.Benchmarks;

/// <summary>
/// Runs the benchmarks chosen on the command line, for example
/// <c>dotnet run -c Release --project tests/Benchmarks -- --filter '*Gemm*'</c>; the first argument <c>compare</c>
/// runs <see cref="AlternatingComparison"/> instead.
/// </summary>
public static class Program
{
    /// <summary>Hands the arguments to BenchmarkDotNet's switcher over every benchmark class of this assembly.</summary>
    public static void Main(string[] args)
    {
        if (args is ["compare", ..])
            AlternatingComparison.Run(args[1..]);
        else
            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
