using System.Collections.Immutable;
using Functional.NN.Experiments.Data.Csv;

namespace Functional.NN.Experiments.ExperimentFiles;

/// <summary>Where an experiment's examples come from: one of the four sources of <c>data.source</c>.</summary>
internal abstract record DataSpec
{
    /// <summary>The value of <c>data.source</c>.</summary>
    public abstract string Source { get; }
}

/// <summary><c>"source": "generated"</c>: a seeded synthetic set (docs/data-sets.md).</summary>
/// <param name="Generator">xor, two_moons, circles or two_spirals.</param>
/// <param name="Count">Number of examples.</param>
/// <param name="Noise">Standard deviation of the Gaussian noise on each coordinate.</param>
/// <param name="Seed">The generator's seed (independent of the experiment's seed).</param>
internal sealed record GeneratedDataSpec(string Generator, int Count, double Noise, ulong Seed) : DataSpec
{
    /// <inheritdoc />
    public override string Source => "generated";
}

/// <summary><c>"source": "csv"</c>: a CSV file with a header row.</summary>
/// <param name="Path">The file (absolute once resolved).</param>
/// <param name="FeatureColumns">Feature columns, in order.</param>
/// <param name="LabelColumn">The label or target column.</param>
/// <param name="Task">Classification or regression.</param>
internal sealed record CsvDataSpec(string Path, ImmutableArray<string> FeatureColumns, string LabelColumn, CsvTask Task) : DataSpec
{
    /// <inheritdoc />
    public override string Source => "csv";

    /// <summary>Equal when every field is equal (columns in order).</summary>
    public bool Equals(CsvDataSpec? other) =>
        other is not null && Path == other.Path && FeatureColumns.SequenceEqual(other.FeatureColumns) &&
        LabelColumn == other.LabelColumn && Task == other.Task;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Path, LabelColumn, Task);
}

/// <summary><c>"source": "idx"</c>: IDX images and labels (MNIST layout), optionally a test pair.</summary>
/// <param name="Images">Images file (absolute once resolved).</param>
/// <param name="Labels">Labels file.</param>
/// <param name="Classes">Number of classes.</param>
/// <param name="TestImages">Images of a test split evaluated at the end, or null.</param>
/// <param name="TestLabels">Labels of the test split, or null.</param>
internal sealed record IdxDataSpec(string Images, string Labels, int Classes, string? TestImages, string? TestLabels) : DataSpec
{
    /// <inheritdoc />
    public override string Source => "idx";
}

/// <summary><c>"source": "fashion_mnist"</c>: the Fashion-MNIST training split, and the t10k split for the final test.</summary>
/// <param name="Directory">Where the IDX files are.</param>
/// <param name="Test">Evaluate the final and best models on the t10k split at the end.</param>
internal sealed record FashionMnistDataSpec(string Directory, bool Test) : DataSpec
{
    /// <inheritdoc />
    public override string Source => "fashion_mnist";
}
