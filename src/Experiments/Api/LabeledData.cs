using System.Collections.Immutable;
using Functional.NN.Data;
using Functional.NN.Experiments.Data;
using Functional.NN.Experiments.DataSources;
using Functional.NN.Model;
using LanguageExt;

namespace Functional.NN.Experiments;

/// <summary>
/// Examples read from a file or generated from a seed (<see cref="Datasets"/>), with their class labels and the
/// identity of their source. Features stay as stored (IDX images as bytes) until a <see cref="Dataset"/> is asked for.
/// </summary>
public sealed class LabeledData
{
    internal LabeledData(DataSource source, LoadedDataset loaded)
    {
        Source = source;
        Loaded = loaded;
    }

    internal DataSource Source { get; }

    internal LoadedDataset Loaded { get; }

    /// <summary>Short name for reports (<c>two_moons</c>, <c>fashion-mnist-train</c>, the CSV file's name).</summary>
    public string Name => Loaded.Name;

    /// <summary>Where the examples came from, in the syntax of <c>fnn</c>'s <c>--data</c> option; <see cref="Datasets.Load"/> reads it back.</summary>
    public string Spec => Source.Spec;

    /// <summary>Lower-case hex SHA-256 of the source bytes, or of the generator's settings for generated sets.</summary>
    public string Sha256 => Loaded.Sha256;

    /// <summary>Number of examples.</summary>
    public int Count => Loaded.Count;

    /// <summary>Number of features per example.</summary>
    public int FeatureCount => Loaded.Features.Columns;

    /// <summary>Number of classes; 0 for regression data.</summary>
    public int Classes => Loaded.Classes;

    /// <summary>The label of each class index, in index order; empty for regression data or when the source names none.</summary>
    public ImmutableArray<string> ClassLabels => Loaded.ClassLabels;

    /// <summary>
    /// All examples as a Core <see cref="Dataset"/>: features <c>[examples x features]</c> and targets, one-hot
    /// <c>[examples x classes]</c> for classification or <c>[examples x 1]</c> for regression.
    /// </summary>
    public Fin<Dataset> ToDataset() => Dataset.Create(Loaded.Features.ToTensor(), Loaded.Targets);

    /// <summary>
    /// All examples shaped for <paramref name="network"/>, as <c>fnn train</c> and <c>fnn evaluate</c> shape them:
    /// the features must match its inputs; a single-output network gets one 0/1 target column for two classes.
    /// An error names both sizes when they do not fit.
    /// </summary>
    /// <param name="network">The network the examples are for.</param>
    public Fin<Dataset> For(Network network) => DatasetFit.ToNetwork(Loaded, network).Map(fitted => fitted.Examples);

    /// <summary>The name, size and source, for messages.</summary>
    public override string ToString() => $"'{Name}' ({Count} examples, {FeatureCount} features; {Spec})";
}
