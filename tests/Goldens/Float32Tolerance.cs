using Functional.NN.Tensors;
using Xunit;

namespace Functional.NN.Tests.Goldens;

/// <summary>
/// The float32 reference comparison (tests/Goldens/Float32/README.md): |a − b| ≤ c·ε·max(s, |b|), with
/// ε = 2⁻²³ (float32's machine epsilon, u = ε/2 the unit roundoff), c = <see cref="Factor"/> = 64, and the scale
/// s = 1 for the forward fields (z, a, output) and the loss, s = max|b| over the same tensor for a gradient.
/// <para>
/// Derivation. Both sides start from the same float32 numbers, so only rounding differs: each operation adds at
/// most u relative to the magnitude of what it combines. The longest chain in these cases (depth ≤ 3, fan-in ≤ 8)
/// is N ≈ 64 roundings: 3 forward dot products of ≤ 9 terms with their activations (33), the loss derivative
/// (3), 2 backward dot products of ≤ 8 terms with the activations' derivatives (20) and the batch sum of ≤ 7
/// products (8). Errors are absolute on the scale of the terms summed, not of the result: S = max(|W||a|+|b|)
/// ≤ 4.0 for every z of these cases (inputs N(0,1), Xavier weights), so the forward fields take s = 1 (a z that
/// cancels to 0.027 from terms of 3.1 has a relative error of 51ε but an absolute one of 1.4ε), and the losses are
/// sums of positive terms. A gradient entry is judged against its tensor's largest entry (normwise); the batch sum
/// can cancel, by a factor κ ≤ 8.8 here (a bias gradient of the softmax case). Independent roundings add like a
/// random walk, √N·u·κ = 8·8.8·u ≈ 35ε for the worst-conditioned tensor; c = 64 is nearly twice that, and leaves room for
/// the later comparison of two float32 computations (different summation orders and libm). The aligned worst case,
/// N·u·κ ≈ 280ε, never occurs in practice.
/// </para>
/// <para>
/// Measured: PyTorch float32 against float64 from the same float32 inputs reaches 1.35ε (forward), 1.69ε (loss) and
/// 7.65ε (gradients), so the bound holds with a margin of 8.4 or more. A gradient off by 10⁻³ relative is 8388ε off
/// at its largest entry, 131 times the bound; off by 10⁻⁴, 13 times. The optimizer trajectories are not held to
/// this bound: an adaptive step divides by √v + 10⁻⁸, which amplifies the error of a gradient near zero without bound
/// (60ε measured after one RMSprop step); tests/Optimizers/Float32OptimizerGoldenTests checks them element by element.
/// </para>
/// </summary>
public static class Float32Tolerance
{
    /// <summary>float32's machine epsilon, 2⁻²³ (not <see cref="float.Epsilon"/>, the smallest subnormal).</summary>
    public const double Epsilon = 1.0 / (1 << 23);

    /// <summary>The bound in units of <see cref="Epsilon"/>.</summary>
    public const double Factor = 64;

    /// <summary>The scale s of the forward fields and the loss: absolute below 1, relative above.</summary>
    public const double ForwardScale = 1.0;

    /// <summary>The scale s of a gradient tensor: its largest magnitude (a normwise comparison).</summary>
    public static double GradientScale(double[][] expected) =>
        expected.SelectMany(row => row).Select(Math.Abs).DefaultIfEmpty(0.0).Max();

    /// <summary>The scale s of a bias gradient: its largest magnitude.</summary>
    public static double GradientScale(double[] expected) => GradientScale([expected]);

    /// <summary>|actual − expected| in units of ε·max(scale, |expected|): the check passes when it is ≤ <see cref="Factor"/>.</summary>
    public static double Units(double expected, double actual, double scale) =>
        Math.Abs(actual - expected) / (Epsilon * Math.Max(scale, Math.Abs(expected)));

    /// <summary>The largest <see cref="Units(double,double,double)"/> over a tensor and its reference rows.</summary>
    public static double Units<T>(double[][] expected, Tensor<T> actual, double scale) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        RequireShape(expected, actual);
        var largest = 0.0;
        for (var r = 0; r < expected.Length; r++)
            for (var c = 0; c < expected[r].Length; c++)
                largest = Math.Max(largest, Units(expected[r][c], double.CreateTruncating(actual[r, c]), scale));
        return largest;
    }

    /// <summary>Asserts one number, naming where it is.</summary>
    public static void Close(double expected, double actual, double scale, string where)
    {
        var units = Units(expected, actual, scale);
        Assert.True(units <= Factor,
            $"{where}: expected {expected:R}, got {actual:R} ({units:F1} eps > {Factor} eps of max({scale:R}, |expected|))");
    }

    /// <summary>Asserts every element of a tensor against reference rows.</summary>
    public static void Close<T>(double[][] expected, Tensor<T> actual, double scale, string where) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        RequireShape(expected, actual);
        for (var r = 0; r < expected.Length; r++)
            for (var c = 0; c < expected[r].Length; c++)
                Close(expected[r][c], double.CreateTruncating(actual[r, c]), scale, $"{where}[{r},{c}]");
    }

    /// <summary>Asserts a forward field (z, a or the output) with s = 1.</summary>
    public static void CloseForward<T>(double[][] expected, Tensor<T> actual, string where) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T> =>
        Close(expected, actual, ForwardScale, where);

    /// <summary>Asserts a weight gradient normwise, s = its largest reference magnitude.</summary>
    public static void CloseGradient<T>(double[][] expected, Tensor<T> actual, string where) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T> =>
        Close(expected, actual, GradientScale(expected), where);

    /// <summary>Asserts a bias gradient normwise, s = its largest reference magnitude.</summary>
    public static void CloseGradient<T>(double[] expected, Tensor<T> actual, string where) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T> =>
        Close([expected], actual, GradientScale(expected), where);

    private static void RequireShape<T>(double[][] expected, Tensor<T> actual) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T> =>
        Assert.True(expected.Length == actual.Rows && (expected.Length == 0 || expected[0].Length == actual.Columns),
            $"expected [{expected.Length} x {(expected.Length == 0 ? 0 : expected[0].Length)}], got {actual.ShapeText}");
}
