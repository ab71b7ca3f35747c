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
    public override double Value(double z) => z > 0 ? z : 0.0;

    /// <inheritdoc />
    public override double Derivative(double z, double a) => z > 0 ? 1.0 : 0.0;

    /// <summary><see cref="Value(double)"/> over a span, a vector at a time (same results element by element).</summary>
    internal override void Apply(ReadOnlySpan<double> z, Span<double> a)
    {
        var end = VectorEnds.VectorDoubles(z.Length);
        for (var i = 0; i < end; i += Vector<double>.Count)
        {
            var vz = new Vector<double>(z[i..]);
            Vector.ConditionalSelect(Vector.GreaterThan(vz, Vector<double>.Zero), vz, Vector<double>.Zero).CopyTo(a[i..]);
        }
        for (var i = end; i < z.Length; i++) a[i] = Value(z[i]);
    }

    /// <summary>upstream ⊙ <see cref="Derivative(double, double)"/> over a span, a vector at a time (same results element by element).</summary>
    internal override void Backward(ReadOnlySpan<double> z, ReadOnlySpan<double> a, ReadOnlySpan<double> upstream, Span<double> result)
    {
        var end = VectorEnds.VectorDoubles(z.Length);
        for (var i = 0; i < end; i += Vector<double>.Count)
        {
            var slope = Vector.ConditionalSelect(Vector.GreaterThan(new Vector<double>(z[i..]), Vector<double>.Zero), Vector<double>.One, Vector<double>.Zero);
            (new Vector<double>(upstream[i..]) * slope).CopyTo(result[i..]);
        }
        for (var i = end; i < z.Length; i++) result[i] = upstream[i] * Derivative(z[i], a[i]);
    }
}
