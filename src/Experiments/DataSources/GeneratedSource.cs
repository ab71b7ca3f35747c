using System.Globalization;
using Functional.NN.Experiments.Data;
using Functional.NN.Experiments.Data.Generated;
using LanguageExt;

namespace Functional.NN.Experiments.DataSources;

/// <summary>
/// Examples drawn by a generator of <see cref="GeneratedDatasets"/>. Spec:
/// <c>generated:NAME[,count=N][,noise=X][,seed=S]</c>, with NAME one of <c>circles</c>, <c>two_moons</c>,
/// <c>two_spirals</c>, <c>xor</c>.
/// </summary>
/// <param name="Generator">Generator name.</param>
/// <param name="Count">Number of examples, at least 1 (default <see cref="DefaultCount"/>).</param>
/// <param name="Noise">Standard deviation of the Gaussian noise on each coordinate, at least 0 (default 0).</param>
/// <param name="Seed">Seed of the generator's random stream (default 0).</param>
internal sealed record GeneratedSource(string Generator, int Count = GeneratedSource.DefaultCount, double Noise = 0.0, ulong Seed = 0)
    : DataSource
{
    /// <summary>The kind name in the spec.</summary>
    public const string KindName = "generated";

    /// <summary>Number of examples when the spec names none.</summary>
    public const int DefaultCount = 200;

    /// <inheritdoc />
    public override string Kind => KindName;

    /// <inheritdoc />
    public override string Spec =>
        $"{KindName}:{Generator},count={Count.ToString(CultureInfo.InvariantCulture)}," +
        $"noise={Noise.ToString("R", CultureInfo.InvariantCulture)},seed={Seed.ToString(CultureInfo.InvariantCulture)}";

    /// <inheritdoc />
    public override Fin<LoadedDataset> Load() => GeneratedDatasets.Generate(Generator, Count, Noise, Seed);
}
