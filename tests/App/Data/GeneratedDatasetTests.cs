using Functional.NN.Experiments.Data;
using Functional.NN.Experiments.Data.Generated;
using Xunit;

namespace Functional.NN.Tests.App.Data;

/// <summary>Generated data sets: deterministic from the seed, right shapes, balanced classes, documented geometry.</summary>
public sealed class GeneratedDatasetTests
{
    /// <summary>Every generator name.</summary>
    public static TheoryData<string> Generators => new(GeneratedDatasets.Names);

    private static LoadedDataset Generate(string name, int count = 64, double noise = 0.1, ulong seed = 42) =>
        FinAssert.Succeeds(GeneratedDatasets.Generate(name, count, noise, seed));

    [Fact]
    public void SplitMix64_matches_the_reference_stream()
    {
        // Reference values of Vigna's splitmix64.c for seed 1234567.
        var random = new SplitMix64(1234567);
        ulong[] expected = [6457827717110365317, 3203168211198807973, 9817491932198370423, 4593380528125082431, 16408922859458223821];
        Assert.Equal(expected, expected.Select(_ => random.NextUInt64()).ToArray());
    }

    [Fact]
    public void Uniform_numbers_lie_in_the_unit_interval()
    {
        var random = new SplitMix64(7);
        Assert.All(Enumerable.Range(0, 10_000).Select(_ => random.NextUnit()), u => Assert.InRange(u, 0.0, Math.BitDecrement(1.0)));
    }

    [Theory]
    [MemberData(nameof(Generators))]
    public void The_same_seed_gives_the_same_bits(string name)
    {
        var first = Generate(name);
        var second = Generate(name);
        Assert.Equal(first.Features.ToTensor().ContentHash(), second.Features.ToTensor().ContentHash());
        Assert.Equal(first.Targets.ContentHash(), second.Targets.ContentHash());
        Assert.Equal(first.Sha256, second.Sha256);
    }

    [Theory]
    [MemberData(nameof(Generators))]
    public void A_different_seed_gives_different_numbers_and_a_different_hash(string name)
    {
        var first = Generate(name, seed: 1);
        var second = Generate(name, seed: 2);
        Assert.NotEqual(first.Features.ToTensor(), second.Features.ToTensor());
        Assert.NotEqual(first.Sha256, second.Sha256);
    }

    [Theory]
    [MemberData(nameof(Generators))]
    public void Shapes_are_two_features_and_two_one_hot_classes(string name)
    {
        var data = Generate(name, count: 37);
        Assert.Equal((37, 2), (data.Features.Rows, data.Features.Columns));
        Assert.Equal((37, 2), (data.Targets.Rows, data.Targets.Columns));
        Assert.Equal(2, data.Classes);
        Assert.Equal(["0", "1"], data.ClassLabels.ToArray());
        Assert.Equal(name, data.Name);
        Assert.True(data.Features.ToTensor().IsFinite());
        Assert.All(data.Targets.ToRows(), row => Assert.True(row.Order().SequenceEqual([0.0, 1.0]), "one-hot row"));
    }

    [Theory]
    [MemberData(nameof(Generators))]
    public void Classes_differ_in_size_by_at_most_one(string name)
    {
        foreach (var count in new[] { 1, 2, 3, 7, 100, 101 })
        {
            var targets = Generate(name, count: count).Targets;
            var ones = Enumerable.Range(0, count).Count(r => targets[r, 1] == 1.0);
            Assert.InRange(ones - (count - ones), -1, 1);
        }
    }

    [Theory]
    [MemberData(nameof(Generators))]
    public void Invalid_parameters_are_errors(string name)
    {
        FinAssert.FailsWith(GeneratedDatasets.Generate(name, 0, 0.1, 1), name, "count must be at least 1, got 0");
        FinAssert.FailsWith(GeneratedDatasets.Generate(name, 10, -0.5, 1), "noise must be a finite number at least 0, got -0.5");
        FinAssert.FailsWith(GeneratedDatasets.Generate(name, 10, double.NaN, 1), "noise");
    }

    [Fact]
    public void An_unknown_generator_is_an_error_listing_the_known_ones() =>
        FinAssert.FailsWith(GeneratedDatasets.Generate("three_moons", 10, 0, 1), "unknown generated data set 'three_moons'", "two_moons", "xor");

    [Fact]
    public void Xor_with_four_points_and_no_noise_is_the_truth_table()
    {
        var data = Generate(XorDataset.Name, count: 4, noise: 0.0, seed: 12345);
        Assert.Equal([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]], data.Features.ToTensor().ToRows());
        Assert.Equal([[1.0, 0.0], [0.0, 1.0], [0.0, 1.0], [1.0, 0.0]], data.Targets.ToRows());
    }

    [Fact]
    public void Circles_without_noise_lie_on_radius_one_and_one_half()
    {
        var data = Generate(CirclesDataset.Name, count: 200, noise: 0.0);
        for (var r = 0; r < data.Count; r++)
        {
            var radius = Math.Sqrt(data.Features[r, 0] * data.Features[r, 0] + data.Features[r, 1] * data.Features[r, 1]);
            Assert.Equal(data.Targets[r, 0] == 1.0 ? 1.0 : 0.5, radius, 1e-12);
        }
    }

    [Fact]
    public void Moons_without_noise_lie_on_their_half_circles()
    {
        var data = Generate(TwoMoonsDataset.Name, count: 200, noise: 0.0);
        for (var r = 0; r < data.Count; r++)
        {
            var (x, y) = (data.Features[r, 0], data.Features[r, 1]);
            var upper = data.Targets[r, 0] == 1.0;
            var (cx, cy) = upper ? (0.0, 0.0) : (1.0, 0.5);
            Assert.Equal(1.0, Math.Sqrt((x - cx) * (x - cx) + (y - cy) * (y - cy)), 1e-12);
            Assert.True(upper ? y >= 0 : y <= 0.5);
        }
    }

    [Fact]
    public void Spiral_points_lie_within_the_unit_disc_without_noise()
    {
        var data = Generate(TwoSpiralsDataset.Name, count: 200, noise: 0.0);
        Assert.All(data.Features.ToTensor().ToRows(), p => Assert.InRange(Math.Sqrt(p[0] * p[0] + p[1] * p[1]), 0.0, 1.0));
    }

    [Fact]
    public void The_hash_is_of_the_specification()
    {
        var data = Generate(TwoMoonsDataset.Name, count: 200, noise: 0.1, seed: 42);
        var spec = new GeneratorSpec("two_moons", 200, 0.1, 42);
        Assert.Equal("fnn-generated/v1 generator=two_moons count=200 noise=0.1 seed=42", spec.Text);
        Assert.Equal(spec.Sha256, data.Sha256);
        Assert.Matches("^[0-9a-f]{64}$", data.Sha256);
    }

    /// <summary>
    /// Pins the exact numbers. A failure here on another machine means its math library rounds sin, cos
    /// or log differently (see GeneratedDatasets); on this machine it means a generator changed, which
    /// must come with a new <see cref="GeneratorSpec.AlgorithmVersion"/>.
    /// </summary>
    [Theory]
    [InlineData("xor", "e7acbaa2b6296ae046b24b93e4aba44399416d2572bb4b1803e571c6a4983aa3")]
    [InlineData("two_moons", "62503a2ccde94827379a38bee063e89beb2a782203465d36d7c8c61fd20534c7")]
    [InlineData("circles", "588ba7c1d0a1d4a8b7489e14d6d01d12ba493554fa62cefac467f894d659f340")]
    [InlineData("two_spirals", "fed985f5bd9c7d98b84475f33b842bf31bd39390b569d94deda0ab9e647c3532")]
    public void Generated_numbers_match_the_golden_hash(string name, string featuresHash)
    {
        var actual = Generate(name, count: 64, noise: 0.1, seed: 42).Features.ToTensor().ContentHash();
        Assert.True(featuresHash == actual, $"{name}: features hash {actual}, golden {featuresHash}");
    }
}
