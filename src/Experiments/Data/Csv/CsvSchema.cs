using System.Collections.Immutable;

namespace Functional.NN.Experiments.Data.Csv;

/// <summary>What the label column of a CSV file holds.</summary>
internal enum CsvTask
{
    /// <summary>Class labels (any text): mapped to class indices and one-hot target rows.</summary>
    Classification,

    /// <summary>A number per row: the single target column.</summary>
    Regression,
}

/// <summary>Which columns of a CSV file, named by the header row, become features and which the label.</summary>
/// <param name="FeatureColumns">Feature columns in the order they become the columns of the features tensor.</param>
/// <param name="LabelColumn">The column holding the class label or the regression target.</param>
/// <param name="Task">Classification or regression.</param>
internal sealed record CsvSchema(ImmutableArray<string> FeatureColumns, string LabelColumn, CsvTask Task);
