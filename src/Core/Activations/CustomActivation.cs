namespace Functional.NN.Activations;

/// <summary>
/// A user-defined element-wise activation: a name, f(z) and f'(z). Verify the derivative with
/// <see cref="Verification.GradientCheck.OfActivation"/> before training with it.
/// </summary>
/// <param name="CustomName">Name shown in reports.</param>
/// <param name="Function">f(z).</param>
/// <param name="DerivativeFunction">f'(z).</param>
public sealed record CustomActivation(
    string CustomName, Func<double, double> Function, Func<double, double> DerivativeFunction) : ElementwiseActivation
{
    /// <inheritdoc />
    public override string Name => CustomName;

    /// <inheritdoc />
    public override double Value(double z) => Function(z);

    /// <inheritdoc />
    public override double Derivative(double z, double a) => DerivativeFunction(z);
}
