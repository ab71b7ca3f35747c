using Functional.NN.Experiments.Data;
using Functional.NN.Experiments.Data.Csv;
using Functional.NN.Experiments.Data.Generated;
using Functional.NN.Experiments.Data.Idx;
using LanguageExt;

namespace Functional.NN.Experiments.ExperimentFiles;

/// <summary>The examples an experiment trains on, and the separate test split evaluated at the end when the source has one.</summary>
/// <param name="Train">The examples to split into training and validation parts.</param>
/// <param name="Test">The held-out test examples (Fashion-MNIST's t10k, an IDX test pair), or null.</param>
internal sealed record SourceData(LoadedDataset Train, LoadedDataset? Test)
{
    /// <summary>SHA-256 identifying the data: of the training source, or of both sources when there is a test split.</summary>
    public string Sha256 => Test is null ? Train.Sha256 : Convert.ToHexStringLower(
        System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes($"{Train.Sha256}\n{Test.Sha256}")));
}

/// <summary>Loads the data of a <see cref="DataSpec"/> with the loaders of <c>App/Data</c>.</summary>
internal static class DataSourceLoader
{
    /// <summary>The data <paramref name="spec"/> describes, or the loader's error prefixed with <c>data</c>.</summary>
    public static Fin<SourceData> Load(DataSpec spec) => Prefixed(spec switch
    {
        GeneratedDataSpec g => GeneratedDatasets.Generate(g.Generator, g.Count, g.Noise, g.Seed).Map(d => new SourceData(d, null)),
        CsvDataSpec c => CsvDataset.Load(c.Path, new CsvSchema(c.FeatureColumns, c.LabelColumn, c.Task)).Map(d => new SourceData(d, null)),
        IdxDataSpec i => TrainAndTest(
            () => IdxDataset.Load("idx-train", i.Images, i.Labels, i.Classes),
            i.TestImages is null || i.TestLabels is null ? null : () => IdxDataset.Load("idx-test", i.TestImages, i.TestLabels, i.Classes)),
        FashionMnistDataSpec f => TrainAndTest(
            () => FashionMnist.Load(f.Directory, train: true),
            f.Test ? () => FashionMnist.Load(f.Directory, train: false) : null),
        _ => throw new ArgumentException($"unknown data source {spec.GetType().Name}", nameof(spec)),
    });

    /// <summary>
    /// Both splits, the test split read on another thread while the training split is read (reading is mostly
    /// decompression); the training split's error comes first, as when they are read one after the other.
    /// </summary>
    private static Fin<SourceData> TrainAndTest(Func<Fin<LoadedDataset>> train, Func<Fin<LoadedDataset>>? test)
    {
        var testing = test is null ? null : Task.Run(test);
        var trained = train();
        var tested = testing?.GetAwaiter().GetResult();
        return from tr in trained
               from te in tested is { } t ? t.Map(Option<LoadedDataset>.Some) : None
               select new SourceData(tr, Nullable(te));
    }

    private static Fin<Option<LoadedDataset>> None => Fin<Option<LoadedDataset>>.Succ(Option<LoadedDataset>.None);

    private static LoadedDataset? Nullable(Option<LoadedDataset> data) => data.IfNoneUnsafe((LoadedDataset?)null);

    private static Fin<SourceData> Prefixed(Fin<SourceData> data) =>
        data.Prefixed("data");
}
