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
}
