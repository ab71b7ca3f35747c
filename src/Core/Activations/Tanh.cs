using System.Numerics;
namespace Functional.NN.Activations;

/// <summary>Hyperbolic tangent: f(z) = tanh z, f'(z) = 1 - tanh² z.</summary>
public sealed record Tanh : ElementwiseActivation
{
    /// <inheritdoc />
    public override string Name => "tanh";

    /// <inheritdoc />
    public override T Value<T>(T z) => T.Tanh(z);

    /// <inheritdoc />
    public override T Derivative<T>(T z, T a) => T.One - a * a;
}
