using LanguageExt;

namespace Functional.NN.Experiments.Data.Generated;

/// <summary>
/// Two concentric circles, as scikit-learn's <c>make_circles</c> with factor 0.5. Example i has class
/// i mod 2 (classes alternate and differ in size by at most one); it draws an angle t uniform in
/// [0, 2 pi) and lies at r (cos t, sin t) with r = 1 for class 0 (outer circle) and r = 0.5 for class 1
/// (inner circle), plus noise (see <see cref="PlaneDataset"/>).
/// </summary>
internal static class CirclesDataset
{
    /// <summary>Generator name.</summary>
    public const string Name = "circles";

    /// <summary>Radius of the inner circle; the outer circle has radius 1.</summary>
    public const double InnerRadius = 0.5;

    /// <summary>The concentric-circles data set for <paramref name="count"/>, <paramref name="noise"/> and <paramref name="seed"/>.</summary>
    public static Fin<LoadedDataset> Generate(int count, double noise, ulong seed) =>
        PlaneDataset.Generate(new GeneratorSpec(Name, count, noise, seed), Sample);

    private static PlaneSample Sample(SplitMix64 random, int index)
    {
        var cls = index % 2;
        var radius = cls == 0 ? 1.0 : InnerRadius;
        var t = random.NextUniform(0.0, 2.0 * Math.PI);
        return new PlaneSample(radius * Math.Cos(t), radius * Math.Sin(t), cls);
    }
}
