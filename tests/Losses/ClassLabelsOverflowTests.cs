using System.Collections;
using Functional.NN.Losses;
using Xunit;

namespace Functional.NN.Tests.Losses;

/// <summary>
/// One-hot rows for labels × classes beyond int range: the size is computed in checked arithmetic, so
/// 2^20 labels of 2^12 classes (2^32 elements, which wraps to 0 in unchecked int) fail with an
/// <see cref="OverflowException"/> instead of indexing past a wrapped-around array. No 32 GB array is ever made.
/// </summary>
public sealed class ClassLabelsOverflowTests
{
    /// <summary>A label list of any length whose labels are all 0, without storing them.</summary>
    private sealed class Zeros(int count) : IReadOnlyList<int>
    {
        public int this[int index] => 0;
        public int Count => count;
        public IEnumerator<int> GetEnumerator() => Enumerable.Repeat(0, count).GetEnumerator();
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    [Fact]
    public void Labels_times_classes_beyond_int_range_overflow_instead_of_wrapping()
    {
        Assert.Throws<OverflowException>(() => ClassLabels.OneHot(new Zeros(1 << 20), 1 << 12));
        Assert.Throws<OverflowException>(() => ClassLabels.OneHot(new Zeros(int.MaxValue), 2));
    }

    [Fact]
    public void Zero_classes_are_refused_with_the_count_given()
    {
        Assert.Equal("one-hot: the number of classes must be at least 1, got 0", Model.ValidationMessage.Of(ClassLabels.OneHot([0], 0)));
        var single = ClassLabels.OneHot(new Zeros(3), 1).ThrowIfFail();
        Assert.Equal((3, 1), (single.Rows, single.Columns));
        Assert.All(Enumerable.Range(0, 3), r => Assert.Equal(1.0, single[r, 0]));
    }
}
