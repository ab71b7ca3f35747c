namespace Functional.NN.Activations;

/// <summary>Hyperbolic tangent: f(z) = tanh z, f'(z) = 1 - tanh² z.</summary>
public sealed record Tanh : ElementwiseActivation
{
    /// <inheritdoc />
    public override string Name => "tanh";

    /// <inheritdoc />
    public override double Value(double z) => Math.Tanh(z);

    /// <inheritdoc />
    public override double Derivative(double z, double a) => 1.0 - a * a;
}
