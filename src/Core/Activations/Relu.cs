namespace Functional.NN.Activations;

/// <summary>
/// Rectified linear unit: f(z) = max(0, z); f'(z) = 1 for z &gt; 0 and 0 otherwise. At the kink z = 0
/// the derivative is taken as 0, as PyTorch does; a finite-difference check there sees 0.5 instead.
/// </summary>
public sealed record Relu : ElementwiseActivation
{
    /// <inheritdoc />
    public override string Name => "relu";

    /// <inheritdoc />
    public override double Value(double z) => z > 0 ? z : 0.0;

    /// <inheritdoc />
    public override double Derivative(double z, double a) => z > 0 ? 1.0 : 0.0;
}
