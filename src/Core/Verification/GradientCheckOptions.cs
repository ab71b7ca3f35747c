namespace Functional.NN.Verification;

/// <summary>
/// Step and tolerances of a finite-difference gradient check. The defaults are those of
/// <c>torch.autograd.gradcheck</c> in float64: an element passes when
/// |analytic - numerical| ≤ <see cref="AbsoluteTolerance"/> + <see cref="RelativeTolerance"/> · |numerical|.
/// </summary>
/// <param name="Epsilon">Step h of the central difference (L(p+h) - L(p-h)) / 2h. Its truncation error is O(h²)
/// and its rounding error O(ε_machine · |L| / h); 1e-6 balances both near 1e-10 for well-scaled losses.</param>
/// <param name="AbsoluteTolerance">atol.</param>
/// <param name="RelativeTolerance">rtol.</param>
public sealed record GradientCheckOptions(double Epsilon = 1e-6, double AbsoluteTolerance = 1e-5, double RelativeTolerance = 1e-3)
{
    /// <summary>torch.autograd.gradcheck's float64 defaults: eps 1e-6, atol 1e-5, rtol 1e-3.</summary>
    public static GradientCheckOptions Default { get; } = new();

    /// <summary>
    /// For a float32 gradient against float64 central differences (<see cref="GradientCheck.OfNetworkAgainstFloat64{T}"/>), at a loss
    /// of size <paramref name="loss"/>: rtol = atol/max(1, |L|) = 64·ε with ε = 2⁻²³, float32's machine epsilon. 64 roundings of u = ε/2 each,
    /// added like a random walk over chains of up to a few hundred operations, stay below it; the float64 differences
    /// (step 1e-6) add about 1e-10·|L|.
    /// </summary>
    public static GradientCheckOptions Float32(double loss) =>
        new(Epsilon: 1e-6, AbsoluteTolerance: 64.0 / (1 << 23) * Math.Max(1.0, Math.Abs(loss)), RelativeTolerance: 64.0 / (1 << 23));
}
