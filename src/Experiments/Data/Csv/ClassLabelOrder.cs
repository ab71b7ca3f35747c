using System.Collections.Immutable;

namespace Functional.NN.Experiments.Data.Csv;

/// <summary>
/// The order that turns distinct class labels into class indices 0, 1, 2, ...: when every label reads as
/// a number (invariant culture), by numeric value (so "2" comes before "10"); otherwise by ordinal string
/// comparison. Ties between different spellings of one number ("1" and "1.0") are broken ordinally, so
/// each distinct text is its own class and the order never depends on the machine's culture.
/// </summary>
internal static class ClassLabelOrder
{
    /// <summary>The distinct labels of <paramref name="labels"/> in class-index order.</summary>
    public static ImmutableArray<string> Sorted(IEnumerable<string> labels)
    {
        var distinct = labels.Distinct(StringComparer.Ordinal).ToList();
        var numbers = distinct.ToDictionary(l => l, l => CsvNumber.TryRead(l), StringComparer.Ordinal);
        return numbers.Values.All(n => n is not null)
            ? [.. distinct.OrderBy(l => numbers[l]!.Value).ThenBy(l => l, StringComparer.Ordinal)]
            : [.. distinct.Order(StringComparer.Ordinal)];
    }
}
