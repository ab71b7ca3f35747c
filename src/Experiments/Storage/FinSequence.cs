using System.Collections.Immutable;
using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Experiments.Storage;

/// <summary>Builds a list of values that may each fail, stopping at the first failure.</summary>
internal static class FinSequence
{
    /// <summary>
    /// <paramref name="item"/>(0) to <paramref name="item"/>(<paramref name="count"/> - 1), or the first
    /// error among them.
    /// </summary>
    public static Fin<ImmutableArray<T>> Each<T>(int count, Func<int, Fin<T>> item)
    {
        var items = ImmutableArray.CreateBuilder<T>(count);
        for (var i = 0; i < count; i++)
            if (item(i).Match<Error?>(Succ: value => { items.Add(value); return null; }, Fail: error => error) is { } failure)
                return failure;
        return items.MoveToImmutable();
    }
}
