using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using System.Collections.Immutable;
using Functional.NN.Model;

namespace Functional.NN.Tests.Properties;

/// <summary>
/// The laws of <see cref="Gradients"/> arithmetic that summing and averaging shard gradients rely on.
/// Floating-point addition is commutative exactly, but associative and distributive only up to
/// rounding: each side of those laws is within 2 roundings of the exact value, so the two sides
/// differ by at most about 4ε·(sum of the magnitudes involved), ε = 1.1e-16. The tolerance
/// 1e-12·(sum of magnitudes) is that bound with ample margin, and still fails for any real slip
/// (a wrong operand, a dropped layer or term).
/// </summary>
[Properties(Arbitrary = [typeof(Arbitraries)], MaxTest = 200)]
public sealed class GradientsLaws
{
    private const double Rounding = 1e-12;

    [Property]
    public Property Add_is_commutative(GradientTriple t) =>
        t.A.Add(t.B).Equals(t.B.Add(t.A)).Label("A + B != B + A");

    [Property]
    public Property Add_is_associative_within_rounding(GradientTriple t)
    {
        var (a, b, c) = (Scalars.Of(t.A), Scalars.Of(t.B), Scalars.Of(t.C));
        var left = Scalars.Of(t.A.Add(t.B).Add(t.C));
        var right = Scalars.Of(t.A.Add(t.B.Add(t.C)));
        var at = Scalars.FirstMismatch(left, right, i => Rounding * (Math.Abs(a[i]) + Math.Abs(b[i]) + Math.Abs(c[i])));
        return (at < 0).Label($"(A + B) + C and A + (B + C) differ at scalar {at}");
    }

    [Property]
    public Property Scale_distributes_over_add_within_rounding(GradientTriple t)
    {
        var (a, b, k) = (Scalars.Of(t.A), Scalars.Of(t.B), t.Factor);
        var left = Scalars.Of(t.A.Add(t.B).Scale(k));
        var right = Scalars.Of(t.A.Scale(k).Add(t.B.Scale(k)));
        var at = Scalars.FirstMismatch(left, right, i => Rounding * Math.Abs(k) * (Math.Abs(a[i]) + Math.Abs(b[i])));
        return (at < 0).Label($"k(A + B) and kA + kB differ at scalar {at}");
    }

    [Property]
    public Property Zero_is_the_identity_of_add_and_one_of_scale(GradientTriple t)
    {
        var zeros = new Gradients(t.A.Layers.Select(l => l.Map(x => x.Map(_ => 0.0))).ToImmutableArray());
        return (t.A.Add(zeros).Equals(t.A) && t.A.Scale(1.0).Equals(t.A)).Label("A + 0 or 1·A differs from A");
    }

    [Property]
    public Property Add_is_zip_scalars_with_plus(GradientTriple t) =>
        t.A.Add(t.B).Equals(t.A.ZipScalars(t.B, (x, y) => x + y)).Label("Add differs from ZipScalars(+)");

    [Property]
    public Property Global_norm_is_the_root_of_the_sum_of_squares(GradientTriple t)
    {
        var expected = Math.Sqrt(Scalars.Of(t.A).Sum(x => x * x));
        var actual = t.A.GlobalNorm();
        return (Math.Abs(actual - expected) <= Rounding * expected).Label($"GlobalNorm {actual:R}, expected {expected:R}");
    }

    [Property]
    public Property Global_norm_is_absolutely_homogeneous(GradientTriple t)
    {
        var expected = Math.Abs(t.Factor) * t.A.GlobalNorm();
        var actual = t.A.Scale(t.Factor).GlobalNorm();
        return (Math.Abs(actual - expected) <= Rounding * expected).Label($"‖kA‖ = {actual:R}, |k|·‖A‖ = {expected:R}");
    }

    [Property]
    public Property Global_norm_obeys_the_triangle_inequality(GradientTriple t)
    {
        var (sum, bound) = (t.A.Add(t.B).GlobalNorm(), t.A.GlobalNorm() + t.B.GlobalNorm());
        return (sum <= bound * (1 + Rounding)).Label($"‖A + B‖ = {sum:R} > ‖A‖ + ‖B‖ = {bound:R}");
    }
}
