using LanguageExt;

namespace Functional.NN.Experiments.Data.Generated;

/// <summary>
/// Two interleaved spirals (Lang and Witbrock's benchmark). Example i has class k = i mod 2 (classes
/// alternate and differ in size by at most one); it draws s uniform in [0, 1) and lies at
/// s (cos a, sin a) with a = 3 pi s + k pi: each arm turns one and a half times while its radius grows
/// from 0 to 1, and the second arm is the first rotated by half a turn. Noise is added as in
/// <see cref="PlaneDataset"/>.
/// </summary>
internal static class TwoSpiralsDataset
{
    /// <summary>Generator name.</summary>
    public const string Name = "two_spirals";

    /// <summary>Half-turns of each arm (3 half-turns = one and a half turns).</summary>
    public const double HalfTurns = 3.0;

    /// <summary>The two-spirals data set for <paramref name="count"/>, <paramref name="noise"/> and <paramref name="seed"/>.</summary>
    public static Fin<LoadedDataset> Generate(int count, double noise, ulong seed) =>
        PlaneDataset.Generate(new GeneratorSpec(Name, count, noise, seed), Sample);

    private static PlaneSample Sample(SplitMix64 random, int index)
    {
        var cls = index % 2;
        var s = random.NextUnit();
        var angle = HalfTurns * Math.PI * s + cls * Math.PI;
        return new PlaneSample(s * Math.Cos(angle), s * Math.Sin(angle), cls);
    }
}
