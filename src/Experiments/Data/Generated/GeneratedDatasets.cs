using Functional.NN.Experiments.ExperimentFiles;
using Functional.NN.Experiments.Storage;
using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Experiments.Data.Generated;

/// <summary>
/// The generated data sets by name, for the command line and experiment files. Each is deterministic:
/// the same name, count, noise and seed give the same numbers, drawn from <see cref="SplitMix64"/>.
/// </summary>
/// <remarks>
/// The random stream is bit-identical on every machine. The geometry uses <see cref="Math.Sin"/>,
/// <see cref="Math.Cos"/> and <see cref="Math.Log(double)"/>, which IEEE 754 does not require to be correctly
/// rounded; the test suite pins a golden content hash of each generator's output so that a platform
/// whose math library rounds differently is detected instead of silently producing other numbers.
/// </remarks>
internal static class GeneratedDatasets
{
    private static readonly IReadOnlyDictionary<string, Func<int, double, ulong, Fin<LoadedDataset>>> Generators =
        new Dictionary<string, Func<int, double, ulong, Fin<LoadedDataset>>>
        {
            [XorDataset.Name] = XorDataset.Generate,
            [TwoMoonsDataset.Name] = TwoMoonsDataset.Generate,
            [CirclesDataset.Name] = CirclesDataset.Generate,
            [TwoSpiralsDataset.Name] = TwoSpiralsDataset.Generate,
        };

    /// <summary>The generator names, in alphabetical order.</summary>
    public static IReadOnlyList<string> Names { get; } = Generators.Keys.Order(StringComparer.Ordinal).ToArray();

    /// <summary>
    /// Bytes a generated set takes per example, estimated before generating: two features and up to two
    /// one-hot targets as doubles, twice (the points as drawn, then the tensors).
    /// </summary>
    public const int BytesPerExample = 2 * (2 + 2) * sizeof(double);

    /// <summary>
    /// The data set of generator <paramref name="name"/>, or an error listing the known names (with the nearest
    /// as a suggestion), or an error when <paramref name="count"/> examples would not fit in memory.
    /// </summary>
    public static Fin<LoadedDataset> Generate(string name, int count, double noise, ulong seed) =>
        !Generators.TryGetValue(name, out var generate)
            ? Error.New(Suggestions.Unknown("generated data set", name, Names))
            : from _ in MemoryBudget.Check((double)count * BytesPerExample, $"generating {count} examples of '{name}'")
              from data in generate(count, noise, seed)
              select data;
}
