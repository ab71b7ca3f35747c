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
}
