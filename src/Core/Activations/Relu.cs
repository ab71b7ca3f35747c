using System.Numerics;
using Functional.NN.Compute;

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
    // Stryker disable once Equality : z >= 0 gives the same value, at z = 0 both branches are a zero (z or 0.0) and only its sign can differ
    public override T Value<T>(T z) => z > T.Zero ? z : T.Zero;

    /// <inheritdoc />
    public override T Derivative<T>(T z, T a) => z > T.Zero ? T.One : T.Zero;

    /// <summary><see cref="Value{T}(T)"/> over a span, a vector at a time (same results element by element).</summary>
    internal override void Apply<T>(ReadOnlySpan<T> z, Span<T> a)
    {
        var end = VectorEnds.VectorOf<T>(z.Length);
        for (var i = 0; i < end; i += Vector<T>.Count)
        {
            var vz = new Vector<T>(z[i..]);
            Vector.ConditionalSelect(Vector.GreaterThan(vz, Vector<T>.Zero), vz, Vector<T>.Zero).CopyTo(a[i..]);
        }
        for (var i = end; i < z.Length; i++) a[i] = Value(z[i]);
    }

    /// <summary>upstream ⊙ <see cref="Derivative{T}(T, T)"/> over a span, a vector at a time (same results element by element).</summary>
    internal override void Backward<T>(ReadOnlySpan<T> z, ReadOnlySpan<T> a, ReadOnlySpan<T> upstream, Span<T> result)
    {
        var end = VectorEnds.VectorOf<T>(z.Length);
        for (var i = 0; i < end; i += Vector<T>.Count)
        {
            var slope = Vector.ConditionalSelect(Vector.GreaterThan(new Vector<T>(z[i..]), Vector<T>.Zero), Vector<T>.One, Vector<T>.Zero);
            (new Vector<T>(upstream[i..]) * slope).CopyTo(result[i..]);
        }
        for (var i = end; i < z.Length; i++) result[i] = upstream[i] * Derivative(z[i], a[i]);
    }
}
