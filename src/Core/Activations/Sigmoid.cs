using System.Numerics;
namespace Functional.NN.Activations;

/// <summary>Logistic sigmoid: f(z) = 1/(1+e^-z), f'(z) = f(z)(1 - f(z)).</summary>
public sealed record Sigmoid : ElementwiseActivation
{
    /// <inheritdoc />
    public override string Name => "sigmoid";

    /// <inheritdoc />
    public override T Value<T>(T z) => Logistic(z);

    /// <inheritdoc />
    public override T Derivative<T>(T z, T a) => a * (T.One - a);

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

    /// <summary>1/(1+e^-z) without overflow: for z &lt; 0 it uses e^z/(1+e^z), whose exponent cannot overflow.</summary>
    public static T Logistic<T>(T z) where T : unmanaged, IFloatingPointIeee754<T>
    {
        // Stryker disable once Equality : z > 0 gives the same value, at z = 0 both branches compute 1/(1+1) = 0.5 exactly
        if (z >= T.Zero) return T.One / (T.One + T.Exp(-z));
        var e = T.Exp(z);
        return e / (T.One + e);
    }
}
