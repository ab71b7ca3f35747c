using LanguageExt;

namespace Functional.NN.Experiments.Data.Generated;

/// <summary>
/// The XOR problem: example i sits on corner i mod 4 of the unit square, in the order (0,0), (0,1),
/// (1,0), (1,1), with class x XOR y (0, 1, 1, 0), plus noise (see <see cref="PlaneDataset"/>). With
/// count 4 and noise 0 it is exactly the truth table, whatever the seed; with more examples and noise
/// it is a cloud of noisy samples around the corners. The sampler itself draws no random numbers.
/// Classes differ in size by at most one.
/// </summary>
internal static class XorDataset
{
    /// <summary>Generator name.</summary>
    public const string Name = "xor";

    /// <summary>The XOR data set for <paramref name="count"/>, <paramref name="noise"/> and <paramref name="seed"/>.</summary>
    public static Fin<LoadedDataset> Generate(int count, double noise, ulong seed) =>
        PlaneDataset.Generate(new GeneratorSpec(Name, count, noise, seed), Sample);

    private static PlaneSample Sample(SplitMix64 random, int index)
    {
        var corner = index % 4;
        var (x, y) = (corner / 2, corner % 2);
        return new PlaneSample(x, y, x ^ y);
    }
}
