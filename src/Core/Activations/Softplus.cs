using MathNet.Numerics;

namespace Functional.NN.Activations;

/// <summary>
/// Softplus: f(z) = log(1 + e^z), computed as max(z, 0) + log1p(e^-|z|), which neither overflows for
/// large z nor loses the small tail for very negative z; f'(z) = σ(z) = 1/(1 + e^-z). Unlike PyTorch's
/// <c>nn.Softplus</c> there is no linear cut-over at z &gt; 20: the formula is exact everywhere.
/// </summary>
public sealed record Softplus : ElementwiseActivation
{
    /// <inheritdoc />
    public override string Name => "softplus";

    /// <inheritdoc />
    public override double Value(double z) => Of(z);

    /// <inheritdoc />
    public override double Derivative(double z, double a) => Activations.Sigmoid.Logistic(z);

    /// <summary>log(1 + e^z) as max(z, 0) + log1p(e^-|z|): finite for every finite z.</summary>
    public static double Of(double z) => Math.Max(z, 0.0) + SpecialFunctions.Log1p(Math.Exp(-Math.Abs(z)));
}
