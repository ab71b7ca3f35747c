using System.Numerics;
namespace Functional.NN.Activations;

/// <summary>Identity: f(z) = z, f'(z) = 1.</summary>
public sealed record Identity : ElementwiseActivation
{
    /// <inheritdoc />
    public override string Name => "identity";

    /// <inheritdoc />
    public override T Value<T>(T z) => z;

    /// <inheritdoc />
    public override T Derivative<T>(T z, T a) => T.One;
}
