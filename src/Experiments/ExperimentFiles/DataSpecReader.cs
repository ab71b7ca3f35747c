using System.Collections.Immutable;
using Functional.NN.Experiments.Data.Csv;
using Functional.NN.Experiments.Data.Generated;
using Functional.NN.Experiments.Data.Idx;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Functional.NN.Experiments.ExperimentFiles;

/// <summary>
/// Reads the <c>data</c> object of an experiment file. <c>source</c> picks the kind and with it the valid
/// keys; relative paths are taken from the base directory (the experiment file's folder) and
/// stored absolute, so that a run directory's copy of the experiment still finds the data.
/// </summary>
internal static class DataSpecReader
{
    /// <summary>The valid values of <c>data.source</c>.</summary>
    public static IReadOnlyList<string> Sources { get; } = ["generated", "csv", "idx", "fashion_mnist"];

    /// <summary>The data source in <paramref name="data"/>, or every problem found in it (its unknown keys included).</summary>
    public static Validation<Error, DataSpec> Read(JsonObjectReader data, string baseDirectory)
    {
        var spec = data.RequiredString("source").Bind(source => source switch
        {
            "generated" => Generated(data),
            "csv" => Csv(data, baseDirectory),
            "idx" => Idx(data, baseDirectory),
            "fashion_mnist" => FashionMnistSource(data, baseDirectory),
            _ => data.Problem<DataSpec>("source", $"expected one of {string.Join(", ", Sources.Select(s => $"\"{s}\""))}, got \"{Storage.Echo.Clip(source)}\"" +
                                                  (KeySuggestion.Nearest(source, Sources) is { } near ? $"; did you mean \"{near}\"?" : "")),
        });
        return Validated.All(spec.Ignore(), data.Finish()).Then(() => spec);
    }

    private static Validation<Error, DataSpec> Generated(JsonObjectReader data)
    {
        var generator = data.RequiredString("generator").Bind(name => GeneratedDatasets.Names.Contains(name)
            ? Validated.Ok(name)
            : data.Problem<string>("generator", $"unknown generated data set \"{Storage.Echo.Clip(name)}\"" +
                                               (KeySuggestion.Nearest(name, GeneratedDatasets.Names) is { } near ? $"; did you mean \"{near}\"?" : "") +
                                               $" (known: {string.Join(", ", GeneratedDatasets.Names)})"));
        var count = data.Integer("count", 1000, 1, int.MaxValue);
        var noise = data.Number("noise", 0.1, NumberSetting.NonNegative);
        var seed = data.Seed("seed", 0);
        return Validated.All(generator.Ignore(), count.Ignore(), noise.Ignore(), seed.Ignore()).Then(() =>
            from g in generator from c in count from n in noise from s in seed select (DataSpec)new GeneratedDataSpec(g, (int)c, n, s));
    }

    private static Validation<Error, DataSpec> Csv(JsonObjectReader data, string baseDirectory)
    {
        var path = data.RequiredString("path");
        var names = data.RequiredArray("feature_columns").Bind(columns => columns.Count == 0
            ? data.Problem<ImmutableArray<string>>("feature_columns", "must name at least one column, got []")
            : Validated.Each(columns.Select((c, i) => JsonObjectReader.AsString(c, $"{data.KeyPath("feature_columns")}[{i}]"))));
        var label = data.RequiredString("label_column");
        var task = data.Choice("task", "classification", ["classification", "regression"]);
        return Validated.All(path.Ignore(), names.Ignore(), label.Ignore(), task.Ignore()).Then(() =>
            from p in path
            from n in names
            from l in label
            from t in task
            select (DataSpec)new CsvDataSpec(Absolute(p, baseDirectory), n, l, t == "regression" ? CsvTask.Regression : CsvTask.Classification));
    }

    private static Validation<Error, DataSpec> Idx(JsonObjectReader data, string baseDirectory)
    {
        var images = data.RequiredString("images");
        var labels = data.RequiredString("labels");
        var classes = data.Integer("classes", 10, 2, int.MaxValue);
        var testImages = data.OptionalString("test_images");
        var testLabels = data.OptionalString("test_labels");
        var pair = Validated.WhenBoth(testImages, testLabels, (i, l) => i.IsSome == l.IsSome
            ? Validated.Ok(unit)
            : data.Problem<Unit>("test_images and test_labels must be given together, or neither"));
        return Validated.All(images.Ignore(), labels.Ignore(), classes.Ignore(), testImages.Ignore(), testLabels.Ignore(), pair).Then(() =>
            from i in images
            from l in labels
            from c in classes
            from ti in testImages
            from tl in testLabels
            select (DataSpec)new IdxDataSpec(Absolute(i, baseDirectory), Absolute(l, baseDirectory), (int)c,
                ti.Map(t => Absolute(t, baseDirectory)).IfNoneUnsafe((string?)null), tl.Map(t => Absolute(t, baseDirectory)).IfNoneUnsafe((string?)null)));
    }

    private static Validation<Error, DataSpec> FashionMnistSource(JsonObjectReader data, string baseDirectory)
    {
        var directory = data.String("directory", FashionMnist.DefaultDirectory);
        var test = data.Boolean("test", true);
        return Validated.All(directory.Ignore(), test.Ignore())
            .Then(() => from d in directory from t in test select (DataSpec)new FashionMnistDataSpec(Absolute(d, baseDirectory), t));
    }

    private static string Absolute(string path, string baseDirectory) =>
        path.Length == 0 ? path : Path.GetFullPath(path, baseDirectory);
}
