using System.Numerics;
namespace Functional.NN.Activations;

/// <summary>
/// A user-defined element-wise activation: a name, f(z) and f'(z), evaluated in double (for float elements, z is
/// widened exactly and the result rounded to float once). Verify the derivative with
/// <see cref="Verification.GradientCheck.OfActivation"/> before training with it.
/// </summary>
/// <param name="CustomName">Name shown in reports.</param>
/// <param name="Function">f(z).</param>
/// <param name="DerivativeFunction">f'(z).</param>
public sealed record CustomActivation(
    string CustomName, Func<double, double> Function, Func<double, double> DerivativeFunction) : ElementwiseActivation
{
    /// <inheritdoc />
    public override string Name => CustomName;

    /// <inheritdoc />
    public override T Value<T>(T z) => T.CreateTruncating(Function(double.CreateTruncating(z)));

    /// <inheritdoc />
    public override T Derivative<T>(T z, T a) => T.CreateTruncating(DerivativeFunction(double.CreateTruncating(z)));

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
