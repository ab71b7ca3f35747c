using System.Collections.Immutable;
using Functional.NN.Tensors;
using LanguageExt;

namespace Functional.NN.Experiments.Data.Generated;

/// <summary>
/// The shared recipe of the two-class data sets in the plane. For example i = 0, 1, ..., Count-1 in order,
/// with one <see cref="SplitMix64"/> stream seeded by <see cref="GeneratorSpec.Seed"/>:
/// first the generator's sampler draws the noise-free point and its class, then two standard normals
/// n1, n2 are drawn (always, even when the noise is 0) and the features are
/// <c>(x + noise n1, y + noise n2)</c>. Targets are one-hot rows over 2 classes labelled "0" and "1".
/// </summary>
internal static class PlaneDataset
{
    /// <summary>Number of classes of every plane data set.</summary>
    public const int Classes = 2;

    /// <summary>The data set described by <paramref name="spec"/>, drawn with <paramref name="sampler"/>.</summary>
    public static Fin<LoadedDataset> Generate(GeneratorSpec spec, PlaneSampler sampler) =>
        spec.Validate().Map(valid => Draw(valid, sampler));

    private static LoadedDataset Draw(GeneratorSpec spec, PlaneSampler sampler)
    {
        var random = new SplitMix64(spec.Seed);
        var features = new double[spec.Count * 2];
        var classes = new int[spec.Count];
        for (var i = 0; i < spec.Count; i++)
        {
            var sample = sampler(random, i);
            var noiseX = random.NextGaussian();
            var noiseY = random.NextGaussian();
            features[2 * i] = sample.X + spec.Noise * noiseX;
            features[2 * i + 1] = sample.Y + spec.Noise * noiseY;
            classes[i] = sample.Class;
        }
        var featureTensor = Tensor.FromRowMajor(spec.Count, 2, features).ThrowIfFail();
        return new LoadedDataset(spec.Generator, featureTensor, ClassTargets.OneHot(classes, Classes), Classes, spec.Sha256)
        {
            ClassLabels = ["0", "1"],
        };
    }
}
