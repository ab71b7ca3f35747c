using System.Collections.Immutable;
using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Data;

/// <summary>
/// How many examples of each actual class were predicted as each class: <c>this[actual, predicted]</c>.
/// The diagonal holds the correct predictions, so <see cref="Correct"/> / <see cref="Total"/> is the accuracy.
/// </summary>
public sealed record ConfusionMatrix
{
    private readonly ImmutableArray<int> _counts;

    private ConfusionMatrix(int classes, ImmutableArray<int> counts)
    {
        Classes = classes;
        _counts = counts;
    }

    /// <summary>Number of classes: the matrix is <c>Classes x Classes</c>.</summary>
    public int Classes { get; }

    /// <summary>Examples of class <paramref name="actual"/> predicted as class <paramref name="predicted"/>.</summary>
    public int this[int actual, int predicted] => _counts[actual * Classes + predicted];

    /// <summary>Number of examples counted.</summary>
    public int Total => _counts.Sum();

    /// <summary>Number of examples whose predicted class is their actual class (the diagonal).</summary>
    public int Correct => Enumerable.Range(0, Classes).Sum(c => this[c, c]);

    /// <summary>Examples of class <paramref name="actual"/> (a row sum).</summary>
    public int ActualCount(int actual) => Enumerable.Range(0, Classes).Sum(p => this[actual, p]);

    /// <summary>
    /// The counts of the pairs (<paramref name="actual"/>[i], <paramref name="predicted"/>[i]), or an error
    /// when the lists differ in length or hold a class outside 0..classes-1 (naming the first such position).
    /// </summary>
    public static Fin<ConfusionMatrix> Of(IReadOnlyList<int> actual, IReadOnlyList<int> predicted, int classes)
    {
        if (classes < 1) return Error.New($"confusion matrix: the number of classes must be at least 1, got {classes}");
        if (actual.Count != predicted.Count)
            return Error.New($"confusion matrix: {actual.Count} actual classes but {predicted.Count} predicted classes");
        var counts = new int[checked(classes * classes)];
        for (var i = 0; i < actual.Count; i++)
        {
            if (actual[i] < 0 || actual[i] >= classes)
                return Error.New($"confusion matrix: actual class at position {i} is {actual[i]}, outside 0..{classes - 1}");
            if (predicted[i] < 0 || predicted[i] >= classes)
                return Error.New($"confusion matrix: predicted class at position {i} is {predicted[i]}, outside 0..{classes - 1}");
            counts[actual[i] * classes + predicted[i]]++;
        }
        return new ConfusionMatrix(classes, [.. counts]);
    }

    /// <summary>Equal when the number of classes and every count are equal.</summary>
    public bool Equals(ConfusionMatrix? other) =>
        other is not null && Classes == other.Classes && _counts.SequenceEqual(other._counts);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Classes, Total, Correct);
}
