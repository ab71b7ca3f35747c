using System.Numerics;
using MathNet.Numerics;

namespace Functional.NN.Activations;

/// <summary>
/// Gaussian error linear unit in its exact form (not the tanh approximation):
/// f(z) = z·Φ(z) with Φ(z) = ½·erfc(-z/√2) = ½(1 + erf(z/√2)), the standard normal distribution function;
/// f'(z) = Φ(z) + z·φ(z) with φ(z) = e^(-z²/2)/√(2π). Φ is evaluated through erfc so that it keeps its
/// relative precision in the left tail. .NET has no generic erfc: for float elements Φ is evaluated in double from the
/// exactly widened z and rounded to float once; the rest is float arithmetic.
/// </summary>
public sealed record Gelu : ElementwiseActivation
{
    private const double InverseSqrt2 = 0.70710678118654752440;
    private const double InverseSqrt2Pi = 0.39894228040143267794;

    /// <inheritdoc />
    public override string Name => "gelu";

    /// <inheritdoc />
    public override T Value<T>(T z) => z * NormalCdf(z);

    /// <inheritdoc />
    public override T Derivative<T>(T z, T a) => NormalCdf(z) + z * NormalDensity(z);

    // The loops are repeated in each sealed activation: here the calls to Value and Derivative are direct (the JIT
    // devirtualizes them and inlines the rule), where the base class's loop pays a generic virtual call per element.

    /// <inheritdoc />
    internal override void Apply<T>(ReadOnlySpan<T> z, Span<T> a)
    {
        for (var i = 0; i < z.Length; i++) a[i] = Value(z[i]);
    }

    /// <inheritdoc />
    internal override void Backward<T>(ReadOnlySpan<T> z, ReadOnlySpan<T> a, ReadOnlySpan<T> upstream, Span<T> result)
    {
        for (var i = 0; i < z.Length; i++) result[i] = upstream[i] * Derivative(z[i], a[i]);
    }

    /// <summary>Φ(z) = ½·erfc(-z/√2), the standard normal distribution function.</summary>
    public static T NormalCdf<T>(T z) where T : unmanaged, IFloatingPointIeee754<T> =>
        T.CreateTruncating(0.5 * SpecialFunctions.Erfc(-double.CreateTruncating(z) * InverseSqrt2));

    /// <summary>φ(z) = e^(-z²/2)/√(2π), the standard normal density.</summary>
    public static T NormalDensity<T>(T z) where T : unmanaged, IFloatingPointIeee754<T> =>
        T.CreateTruncating(InverseSqrt2Pi) * T.Exp(-T.CreateTruncating(0.5) * z * z);
}
