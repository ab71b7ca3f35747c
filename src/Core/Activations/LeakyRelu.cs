using System.Numerics;
namespace Functional.NN.Activations;

/// <summary>
/// Leaky rectified linear unit: f(z) = z for z &gt; 0 and <see cref="Slope"/>·z otherwise;
/// f'(z) = 1 for z &gt; 0 and <see cref="Slope"/> otherwise (so at the kink z = 0 the derivative is the
/// slope, as in PyTorch). Two leaky ReLUs are equal when their slopes are equal.
/// </summary>
public sealed record LeakyRelu : ElementwiseActivation
{
    /// <summary>PyTorch's default negative slope, 0.01.</summary>
    public const double DefaultSlope = 0.01;

    /// <summary>A leaky ReLU with the given negative slope.</summary>
    /// <param name="slope">The slope for z ≤ 0; any finite number.</param>
    /// <exception cref="ArgumentOutOfRangeException">When the slope is NaN or infinite.</exception>
    public LeakyRelu(double slope = DefaultSlope)
    {
        if (!double.IsFinite(slope))
            throw new ArgumentOutOfRangeException(nameof(slope), slope, "leaky_relu: the slope must be a finite number");
        Slope = slope;
    }

    /// <summary>The slope for z ≤ 0.</summary>
    public double Slope { get; }

    /// <inheritdoc />
    public override string Name => "leaky_relu";

    /// <inheritdoc />
    // Stryker disable once Equality : z >= 0 gives the same value, at z = 0 both branches are a zero (z or slope·z) and only its sign can differ
    public override T Value<T>(T z) => z > T.Zero ? z : T.CreateTruncating(Slope) * z;

    /// <inheritdoc />
    public override T Derivative<T>(T z, T a) => z > T.Zero ? T.One : T.CreateTruncating(Slope);

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
