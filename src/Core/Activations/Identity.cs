namespace Functional.NN.Activations;

/// <summary>Identity: f(z) = z, f'(z) = 1.</summary>
public sealed record Identity : ElementwiseActivation
{
    /// <inheritdoc />
    public override string Name => "identity";

    /// <inheritdoc />
    public override double Value(double z) => z;

    /// <inheritdoc />
    public override double Derivative(double z, double a) => 1.0;
}
