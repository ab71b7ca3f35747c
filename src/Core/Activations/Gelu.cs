using MathNet.Numerics;

namespace Functional.NN.Activations;

/// <summary>
/// Gaussian error linear unit in its exact form (not the tanh approximation):
/// f(z) = z·Φ(z) with Φ(z) = ½·erfc(-z/√2) = ½(1 + erf(z/√2)), the standard normal distribution function;
/// f'(z) = Φ(z) + z·φ(z) with φ(z) = e^(-z²/2)/√(2π). Φ is evaluated through erfc so that it keeps its
/// relative precision in the left tail.
/// </summary>
public sealed record Gelu : ElementwiseActivation
{
    private const double InverseSqrt2 = 0.70710678118654752440;
    private const double InverseSqrt2Pi = 0.39894228040143267794;

    /// <inheritdoc />
    public override string Name => "gelu";

    /// <inheritdoc />
    public override double Value(double z) => z * NormalCdf(z);

    /// <inheritdoc />
    public override double Derivative(double z, double a) => NormalCdf(z) + z * NormalDensity(z);

    /// <summary>Φ(z) = ½·erfc(-z/√2), the standard normal distribution function.</summary>
    public static double NormalCdf(double z) => 0.5 * SpecialFunctions.Erfc(-z * InverseSqrt2);

    /// <summary>φ(z) = e^(-z²/2)/√(2π), the standard normal density.</summary>
    public static double NormalDensity(double z) => InverseSqrt2Pi * Math.Exp(-0.5 * z * z);
}
