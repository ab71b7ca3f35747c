using Functional.NN.App.Data;
using Functional.NN.App.Data.Csv;
using Functional.NN.App.Data.Generated;
using Functional.NN.App.Data.Idx;
using LanguageExt;

namespace Functional.NN.App.Experiments;

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
        IdxDataSpec i =>
            from train in IdxDataset.Load("idx-train", i.Images, i.Labels, i.Classes)
            from test in i.TestImages is null || i.TestLabels is null
                ? None
                : IdxDataset.Load("idx-test", i.TestImages, i.TestLabels, i.Classes).Map(Option<LoadedDataset>.Some)
            select new SourceData(train, Nullable(test)),
        FashionMnistDataSpec f =>
            from train in FashionMnist.Load(f.Directory, train: true)
            from test in f.Test ? FashionMnist.Load(f.Directory, train: false).Map(Option<LoadedDataset>.Some) : None
            select new SourceData(train, Nullable(test)),
        _ => throw new ArgumentException($"unknown data source {spec.GetType().Name}", nameof(spec)),
    });

    private static Fin<Option<LoadedDataset>> None => Fin<Option<LoadedDataset>>.Succ(Option<LoadedDataset>.None);

    private static LoadedDataset? Nullable(Option<LoadedDataset> data) => data.IfNoneUnsafe((LoadedDataset?)null);

    private static Fin<SourceData> Prefixed(Fin<SourceData> data) =>
        data.Prefixed("data");
}
