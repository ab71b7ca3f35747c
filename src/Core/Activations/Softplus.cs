using System.Numerics;
using Functional.NN.Tensors;

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
    public override T Value<T>(T z) => Of(z);

    /// <inheritdoc />
    public override T Derivative<T>(T z, T a) => Activations.Sigmoid.Logistic(z);

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

    /// <summary>log(1 + e^z) as max(z, 0) + log1p(e^-|z|): finite for every finite z.</summary>
    public static T Of<T>(T z) where T : unmanaged, IFloatingPointIeee754<T> => T.Max(z, T.Zero) + ScalarFunctions.Log1p(T.Exp(-T.Abs(z)));
}
