using System.Collections.Immutable;
using Functional.NN.Experiments.Data.Csv;
using Functional.NN.Experiments.Data.Generated;
using Functional.NN.Experiments.Data.Idx;
using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Experiments.DataSources;

/// <summary>
/// Reads the text of a <see cref="DataSource"/>: <c>KIND:MAIN[,key=value]...</c>. MAIN is the generator
/// name, the CSV path, the IDX images path or the Fashion-MNIST split; the settings after it are
/// comma-separated, each at most once, in any order. Paths therefore cannot contain commas. Nothing is
/// guessed: an unknown kind or setting, a repeated or malformed setting, a missing required setting or a
/// number out of range is an error naming it.
/// </summary>
internal static class DataSourceSpec
{
    /// <summary>The kinds, in the order the help lists them.</summary>
    public static IReadOnlyList<string> Kinds { get; } =
        [GeneratedSource.KindName, CsvSource.KindName, IdxSource.KindName, FashionMnistSource.KindName];

    /// <summary>One line per kind, for <c>--help</c> and error messages.</summary>
    public static IReadOnlyList<string> Forms { get; } =
    [
        $"generated:NAME[,count=N][,noise=X][,seed=S] (NAME: {string.Join(", ", GeneratedDatasets.Names)}; count {GeneratedSource.DefaultCount}, noise 0, seed 0 by default)",
        "csv:PATH,label=COLUMN,features=A+B+...[,task=classification|regression] (classification by default)",
        $"idx:IMAGES,labels=LABELS[,classes=N] ({IdxDataset.MnistClasses} classes by default)",
        $"fashion_mnist:train|test[,dir=DIR] (DIR {FashionMnist.DefaultDirectory} by default)",
    ];

    /// <summary>The source described by <paramref name="text"/>, or an error quoting the text and naming the problem.</summary>
    public static Fin<DataSource> Parse(string text)
    {
        var colon = text.IndexOf(':');
        if (colon < 0)
            return Fail(text, $"expected KIND:..., with KIND one of {string.Join(", ", Kinds)}");
        var kind = text[..colon];
        var parts = text[(colon + 1)..].Split(',');
        var main = parts[0];
        if (main.Length == 0) return Fail(text, $"nothing after '{kind}:'");
        var parsed =
            from settings in SpecSettings.Parse(parts.Skip(1))
            from source in kind switch
            {
                GeneratedSource.KindName => Generated(main, settings),
                CsvSource.KindName => Csv(main, settings),
                IdxSource.KindName => Idx(main, settings),
                FashionMnistSource.KindName => FashionMnistSplit(main, settings),
                _ => Error.New(ExperimentFiles.Suggestions.Unknown("kind", kind, Kinds)),
            }
            select source;
        return parsed.Match(Succ: Fin<DataSource>.Succ, Fail: e => Fail(text, e.Message));
    }

    private static Fin<DataSource> Generated(string name, SpecSettings settings) =>
        from known in settings.OnlyKnown(GeneratedSource.KindName, "count", "noise", "seed")
        from _ in GeneratedDatasets.Names.Contains(name)
            ? Fin<Unit>.Succ(Prelude.unit)
            : Error.New(ExperimentFiles.Suggestions.Unknown("generator", name, GeneratedDatasets.Names))
        from count in settings.Number("count", GeneratedSource.DefaultCount, int.TryParse, count => count >= 1, "a whole number of at least 1")
        from noise in settings.Number("noise", 0.0, double.TryParse, noise => double.IsFinite(noise) && noise >= 0, "a finite number of at least 0")
        from seed in settings.Number("seed", 0UL, ulong.TryParse, _ => true, "a whole number from 0 to 18446744073709551615")
        select (DataSource)new GeneratedSource(name, count, noise, seed);

    private static Fin<DataSource> Csv(string path, SpecSettings settings) =>
        from known in settings.OnlyKnown(CsvSource.KindName, "label", "features", "task")
        from label in settings.Required("label", "the column holding the labels")
        from features in settings.Required("features", $"the feature columns, separated by '{CsvSource.FeatureSeparator}'")
        from columns in FeatureColumns(features)
        from task in settings.Text("task", "classification") switch
        {
            "classification" => Fin<CsvTask>.Succ(CsvTask.Classification),
            "regression" => Fin<CsvTask>.Succ(CsvTask.Regression),
            var other => Error.New($"task must be classification or regression, got '{Storage.Echo.Clip(other)}'"),
        }
        select (DataSource)new CsvSource(path, columns, label, task);

    private static Fin<DataSource> Idx(string images, SpecSettings settings) =>
        from known in settings.OnlyKnown(IdxSource.KindName, "labels", "classes")
        from labels in settings.Required("labels", "the labels file")
        from classes in settings.Number("classes", IdxDataset.MnistClasses, int.TryParse, n => n is >= 1 and <= 256, "a whole number from 1 to 256")
        select (DataSource)new IdxSource(images, labels, classes);

    private static Fin<DataSource> FashionMnistSplit(string split, SpecSettings settings) =>
        from known in settings.OnlyKnown(FashionMnistSource.KindName, "dir")
        from train in split switch
        {
            "train" => Fin<bool>.Succ(true),
            "test" => Fin<bool>.Succ(false),
            _ => Error.New($"the Fashion-MNIST split must be train or test, got '{Storage.Echo.Clip(split)}'"),
        }
        select (DataSource)new FashionMnistSource(train, settings.Text("dir", FashionMnist.DefaultDirectory));

    private static Fin<ImmutableArray<string>> FeatureColumns(string text)
    {
        var columns = text.Split(CsvSource.FeatureSeparator).ToImmutableArray();
        return columns.Any(c => c.Length == 0)
            ? Error.New($"features '{text}': empty column name; separate columns with '{CsvSource.FeatureSeparator}'")
            : columns;
    }

    private static Fin<DataSource> Fail(string text, string problem) => Error.New($"data source '{Storage.Echo.Clip(text)}': {problem}");
}
