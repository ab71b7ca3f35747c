using System.Numerics;
using System.Runtime.InteropServices;

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
        var i = 0;
        if (Vector.IsHardwareAccelerated && z.Length >= Vector<double>.Count)
        {
            var vz = MemoryMarshal.Cast<double, Vector<double>>(z);
            var va = MemoryMarshal.Cast<double, Vector<double>>(a);
            for (var v = 0; v < vz.Length; v++)
                va[v] = Vector.ConditionalSelect(Vector.GreaterThan(vz[v], Vector<double>.Zero), vz[v], Vector<double>.Zero);
            i = vz.Length * Vector<double>.Count;
        }
        for (; i < z.Length; i++) a[i] = Value(z[i]);
    }

    /// <summary>upstream ⊙ <see cref="Derivative(double, double)"/> over a span, a vector at a time (same results element by element).</summary>
    internal override void Backward(ReadOnlySpan<double> z, ReadOnlySpan<double> a, ReadOnlySpan<double> upstream, Span<double> result)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated && z.Length >= Vector<double>.Count)
        {
            var vz = MemoryMarshal.Cast<double, Vector<double>>(z);
            var vu = MemoryMarshal.Cast<double, Vector<double>>(upstream);
            var vr = MemoryMarshal.Cast<double, Vector<double>>(result);
            for (var v = 0; v < vz.Length; v++)
                vr[v] = vu[v] * Vector.ConditionalSelect(Vector.GreaterThan(vz[v], Vector<double>.Zero), Vector<double>.One, Vector<double>.Zero);
            i = vz.Length * Vector<double>.Count;
        }
        for (; i < z.Length; i++) result[i] = upstream[i] * Derivative(z[i], a[i]);
    }
}
