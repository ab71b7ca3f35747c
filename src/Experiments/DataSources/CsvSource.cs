using System.Collections.Immutable;
using Functional.NN.Experiments.Data;
using Functional.NN.Experiments.Data.Csv;
using LanguageExt;

namespace Functional.NN.Experiments.DataSources;

/// <summary>
/// Examples read from a CSV file by <see cref="CsvDataset"/>. Spec:
/// <c>csv:PATH,label=COLUMN,features=A+B+C[,task=classification|regression]</c>; feature columns are
/// separated by <c>+</c> and become the features in that order; the task defaults to classification.
/// </summary>
/// <param name="Path">The CSV file.</param>
/// <param name="Features">Feature columns, in the order they become feature columns.</param>
/// <param name="Label">The column holding the class label or the regression target.</param>
/// <param name="Task">Classification or regression.</param>
internal sealed record CsvSource(string Path, ImmutableArray<string> Features, string Label, CsvTask Task) : DataSource
{
    /// <summary>The kind name in the spec.</summary>
    public const string KindName = "csv";

    /// <summary>Separator of the feature columns in the spec.</summary>
    public const char FeatureSeparator = '+';

    /// <inheritdoc />
    public override string Kind => KindName;

    /// <inheritdoc />
    public override string Spec =>
        $"{KindName}:{Path},label={Label},features={string.Join(FeatureSeparator, Features)},task={TaskName(Task)}";

    /// <inheritdoc />
    public override Fin<LoadedDataset> Load() => CsvDataset.Load(Path, new CsvSchema(Features, Label, Task));

    /// <summary>The spec's name of a task: <c>classification</c> or <c>regression</c>.</summary>
    public static string TaskName(CsvTask task) => task == CsvTask.Regression ? "regression" : "classification";

    /// <summary>Equal when path, feature columns (in order), label and task are equal.</summary>
    public bool Equals(CsvSource? other) =>
        other is not null && Path == other.Path && Features.SequenceEqual(other.Features) && Label == other.Label && Task == other.Task;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Path, Features.Length, Label, Task);
}
