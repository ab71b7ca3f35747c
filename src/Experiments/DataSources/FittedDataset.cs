using System.Collections.Immutable;
using System.Globalization;
using Functional.NN.Experiments.Data;
using Functional.NN.Data;

namespace Functional.NN.Experiments.DataSources;

/// <summary>
/// A loaded data set whose features and targets have been checked against a network and shaped for it
/// (<see cref="DatasetFit.ToNetwork"/>): <see cref="Examples"/> can go straight to the Core functions.
/// </summary>
/// <param name="Source">The data set as loaded.</param>
/// <param name="Examples">Features <c>[examples x inputs]</c> and targets <c>[examples x outputs]</c> for the network.</param>
internal sealed record FittedDataset(LoadedDataset Source, Dataset Examples)
{
    /// <summary>True when the data set holds class labels (and the network's outputs score those classes).</summary>
    public bool IsClassification => Source.Classes > 0;

    /// <summary>Number of classes (0 for regression).</summary>
    public int Classes => Source.Classes;

    /// <summary>
    /// The name of each class a network with <paramref name="outputs"/> outputs can predict: the data set's
    /// labels (the index where a label is unknown), and at least two classes for a single thresholded output.
    /// Empty for regression.
    /// </summary>
    public ImmutableArray<string> ClassNames(int outputs)
    {
        if (!IsClassification) return [];
        var count = outputs == 1 ? Math.Max(2, Classes) : Classes;
        return [.. Enumerable.Range(0, count).Select(c =>
            c < Source.ClassLabels.Length ? Source.ClassLabels[c] : c.ToString(CultureInfo.InvariantCulture))];
    }
}
