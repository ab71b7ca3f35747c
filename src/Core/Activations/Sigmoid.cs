namespace Functional.NN.Activations;

/// <summary>Logistic sigmoid: f(z) = 1/(1+e^-z), f'(z) = f(z)(1 - f(z)).</summary>
public sealed record Sigmoid : ElementwiseActivation
{
    /// <inheritdoc />
    public override string Name => "sigmoid";

    /// <inheritdoc />
    public override double Value(double z) => Logistic(z);

    /// <inheritdoc />
    public override double Derivative(double z, double a) => a * (1.0 - a);

    /// <summary>1/(1+e^-z) without overflow: for z &lt; 0 it uses e^z/(1+e^z), whose exponent cannot overflow.</summary>
    public static double Logistic(double z)
    {
        // Stryker disable once Equality : z > 0 gives the same value, at z = 0 both branches compute 1/(1+1) = 0.5 exactly
        if (z >= 0) return 1.0 / (1.0 + Math.Exp(-z));
        var e = Math.Exp(z);
        return e / (1.0 + e);
    }
}
