using System.Collections.Immutable;
using Functional.NN.Experiments.Data.Csv;
using Functional.NN.Experiments.Data.Generated;
using Functional.NN.Experiments.Data.Idx;

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

    /// <summary>The data source in <paramref name="data"/>, or null with the problems recorded.</summary>
    public static DataSpec? Read(JsonObjectReader data, string baseDirectory)
    {
        var source = data.RequiredString("source");
        if (source is null) return null;
        DataSpec? spec = source switch
        {
            "generated" => Generated(data),
            "csv" => Csv(data, baseDirectory),
            "idx" => Idx(data, baseDirectory),
            "fashion_mnist" => new FashionMnistDataSpec(
                Absolute(data.String("directory", FashionMnist.DefaultDirectory) ?? "", baseDirectory), data.Boolean("test", true)),
            _ => null,
        };
        if (spec is null && !Sources.Contains(source))
            data.Problem("source", $"expected one of {string.Join(", ", Sources.Select(s => $"\"{s}\""))}, got \"{Storage.Echo.Clip(source)}\"" +
                                   (KeySuggestion.Nearest(source, Sources) is { } near ? $"; did you mean \"{near}\"?" : ""));
        return spec;
    }

    private static DataSpec? Generated(JsonObjectReader data)
    {
        var generator = data.RequiredString("generator");
        if (generator is not null && !GeneratedDatasets.Names.Contains(generator))
        {
            data.Problem("generator", $"unknown generated data set \"{Storage.Echo.Clip(generator)}\"" +
                                      (KeySuggestion.Nearest(generator, GeneratedDatasets.Names) is { } near ? $"; did you mean \"{near}\"?" : "") +
                                      $" (known: {string.Join(", ", GeneratedDatasets.Names)})");
            generator = null;
        }
        var count = (int)data.Integer("count", 1000, 1, int.MaxValue);
        var noise = data.Number("noise", 0.1, NumberSetting.NonNegative);
        var seed = data.Seed("seed", 0);
        return generator is null ? null : new GeneratedDataSpec(generator, count, noise, seed);
    }

    private static DataSpec? Csv(JsonObjectReader data, string baseDirectory)
    {
        var path = data.RequiredString("path");
        var columns = data.Required("feature_columns") is not null ? data.Array("feature_columns") : null;
        var names = columns?.Select((c, i) => data.AsString(c, $"{data.KeyPath("feature_columns")}[{i}]", null)).ToList();
        if (columns is not null && columns.Count == 0) data.Problem("feature_columns", "must name at least one column, got []");
        var label = data.RequiredString("label_column");
        var task = data.Choice("task", "classification", ["classification", "regression"]);
        if (path is null || names is null || names.Count == 0 || names.Any(n => n is null) || label is null) return null;
        return new CsvDataSpec(Absolute(path, baseDirectory), [.. names!], label,
            task == "regression" ? CsvTask.Regression : CsvTask.Classification);
    }

    private static DataSpec? Idx(JsonObjectReader data, string baseDirectory)
    {
        var images = data.RequiredString("images");
        var labels = data.RequiredString("labels");
        var classes = (int)data.Integer("classes", 10, 2, int.MaxValue);
        var testImages = data.String("test_images", null);
        var testLabels = data.String("test_labels", null);
        if ((testImages is null) != (testLabels is null))
            data.Problem("test_images and test_labels must be given together, or neither");
        if (images is null || labels is null) return null;
        return new IdxDataSpec(Absolute(images, baseDirectory), Absolute(labels, baseDirectory), classes,
            testImages is null ? null : Absolute(testImages, baseDirectory), testLabels is null ? null : Absolute(testLabels, baseDirectory));
    }

    private static string Absolute(string path, string baseDirectory) =>
        path.Length == 0 ? path : Path.GetFullPath(path, baseDirectory);
}
