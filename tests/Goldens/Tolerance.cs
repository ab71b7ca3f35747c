using Functional.NN.Tensors;
using Xunit;

namespace Functional.NN.Tests.Goldens;

/// <summary>The reference comparison of ../shared/goldens/README.md: |a-b| ≤ 1e-9·max(1,|b|).</summary>
public static class Tolerance
{
    /// <summary>Relative tolerance for float64 against PyTorch float64.</summary>
    public const double Float64 = 1e-9;

    /// <summary>Asserts one number, naming where it is.</summary>
    public static void Close(double expected, double actual, string where, double tolerance = Float64)
    {
        var limit = tolerance * Math.Max(1.0, Math.Abs(expected));
        Assert.True(Math.Abs(actual - expected) <= limit,
            $"{where}: expected {expected:R}, got {actual:R} (|diff| {Math.Abs(actual - expected):E3} > {limit:E3})");
    }

    /// <summary>Asserts every element of a tensor against reference rows.</summary>
    public static void Close(double[][] expected, Tensor actual, string where, double tolerance = Float64)
    {
        Assert.True(expected.Length == actual.Rows && (expected.Length == 0 || expected[0].Length == actual.Columns),
            $"{where}: expected [{expected.Length} x {(expected.Length == 0 ? 0 : expected[0].Length)}], got {actual.ShapeText}");
        for (var r = 0; r < expected.Length; r++)
            for (var c = 0; c < expected[r].Length; c++)
                Close(expected[r][c], actual[r, c], $"{where}[{r},{c}]", tolerance);
    }

    /// <summary>Asserts a bias row against a reference vector.</summary>
    public static void Close(double[] expected, Tensor actual, string where, double tolerance = Float64) =>
        Close([expected], actual, where, tolerance);
}
