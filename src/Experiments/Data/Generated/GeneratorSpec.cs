using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using LanguageExt;

namespace Functional.NN.Experiments.Data.Generated;

/// <summary>
/// Everything that determines a generated data set: which generator, how many examples, the standard
/// deviation of the Gaussian noise added to each coordinate, and the seed of <see cref="SplitMix64"/>.
/// </summary>
/// <param name="Generator">Generator name (<c>xor</c>, <c>two_moons</c>, <c>circles</c>, <c>two_spirals</c>).</param>
/// <param name="Count">Number of examples, at least 1.</param>
/// <param name="Noise">Standard deviation of the noise added to each coordinate, finite and at least 0.</param>
/// <param name="Seed">Seed of the random stream.</param>
internal sealed record GeneratorSpec(string Generator, int Count, double Noise, ulong Seed)
{
    /// <summary>Version of the generators' algorithms; part of <see cref="Text"/>, so a change of algorithm changes the hash.</summary>
    public const int AlgorithmVersion = 1;

    /// <summary>
    /// The canonical text of the specification, hashed into <see cref="LoadedDataset.Sha256"/>:
    /// <c>fnn-generated/v1 generator=two_moons count=200 noise=0.1 seed=42</c> (noise in round-trip form).
    /// </summary>
    public string Text =>
        $"fnn-generated/v{AlgorithmVersion} generator={Generator} count={Count} " +
        $"noise={Noise.ToString("R", CultureInfo.InvariantCulture)} seed={Seed}";

    /// <summary>Lower-case hex SHA-256 of the UTF-8 bytes of <see cref="Text"/>.</summary>
    public string Sha256 => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Text)));

    /// <summary>This specification, or an error naming each parameter that is out of range.</summary>
    public Fin<GeneratorSpec> Validate() =>
        Validated.All(
                Validated.Check(Count >= 1, () => $"count must be at least 1, got {Count}"),
                Validated.Check(double.IsFinite(Noise) && Noise >= 0, () => $"noise must be a finite number at least 0, got {Noise.ToString("R", CultureInfo.InvariantCulture)}"))
            .Map(_ => this)
            .ToFin(problems => $"{Generator}: {problems}");
}
