using FsCheck;
using FsCheck.Fluent;

namespace Functional.NN.Tests.Properties;

/// <summary>
/// The Arbitrary instances shared by every property test, registered with
/// <c>[Properties(Arbitrary = new[] { typeof(Arbitraries) })]</c>.
/// </summary>
public static class Arbitraries
{
    /// <summary>
    /// Usable cases (<see cref="Generators.IsUsable"/>), shrinking towards fewer and narrower layers;
    /// the filter applies to the shrinks too, so a shrunk case never sits on a kink.
    /// </summary>
    public static Arbitrary<Case> Cases() => NetworkArbitraries.Cases();

    public static Arbitrary<GradientTriple> GradientTriples() => Arb.From(
        from network in Generators.Networks
        from a in Generators.GradientsFor(network)
        from b in Generators.GradientsFor(network)
        from c in Generators.GradientsFor(network)
        from factor in Generators.Scalar
        select new GradientTriple(a, b, c, factor));
}
