using LanguageExt;

namespace Functional.NN.Experiments.Data.Generated;

/// <summary>
/// Two interleaving half circles, as scikit-learn's <c>make_moons</c>. Example i has class i mod 2 (so
/// classes alternate and differ in size by at most one); it draws t uniform in [0, pi) and lies at
/// (cos t, sin t) for class 0 (the upper moon) or (1 - cos t, 0.5 - sin t) for class 1 (the lower moon),
/// plus noise (see <see cref="PlaneDataset"/>).
/// </summary>
internal static class TwoMoonsDataset
{
    /// <summary>Generator name.</summary>
    public const string Name = "two_moons";

    /// <summary>The two-moons data set for <paramref name="count"/>, <paramref name="noise"/> and <paramref name="seed"/>.</summary>
    public static Fin<LoadedDataset> Generate(int count, double noise, ulong seed) =>
        PlaneDataset.Generate(new GeneratorSpec(Name, count, noise, seed), Sample);

    private static PlaneSample Sample(SplitMix64 random, int index)
    {
        var cls = index % 2;
        var t = random.NextUniform(0.0, Math.PI);
        return cls == 0
            ? new PlaneSample(Math.Cos(t), Math.Sin(t), cls)
            : new PlaneSample(1.0 - Math.Cos(t), 0.5 - Math.Sin(t), cls);
    }
}
