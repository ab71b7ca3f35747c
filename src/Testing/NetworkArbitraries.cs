using FsCheck;
using FsCheck.Fluent;

namespace Functional.NN.Testing;

/// <summary>
/// Arbitrary instances for FsCheck.Xunit's <c>[Properties(Arbitrary = [typeof(NetworkArbitraries)])]</c>:
/// generated networks of every built-in activation and loss, with parameters and a batch.
/// </summary>
public static class NetworkArbitraries
{
    /// <summary>
    /// Usable cases (<see cref="Generators.IsUsable"/>), shrinking towards fewer and narrower layers;
    /// the filter applies to the shrinks too, so a shrunk case never sits on a kink.
    /// </summary>
    public static Arbitrary<Case> Cases() => Arb.From(Generators.Cases, CaseShrinker.Shrink).Filter(Generators.IsUsable);
}
