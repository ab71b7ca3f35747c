using Functional.NN.Randomness;
using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Data;

/// <summary>A dataset split into a training part and a validation part.</summary>
/// <param name="Training">The examples to train on (and to fit a <see cref="Standardizer"/> on).</param>
/// <param name="Validation">The held-out examples.</param>
public sealed record DataSplit(Dataset Training, Dataset Validation)
{
    /// <summary>
    /// A seeded split: with n examples, v = round(fraction·n) (halves away from zero) go to validation.
    /// The validation examples are those at positions 0..v-1 of <see cref="Sampling.Permutation"/>(key, n), the
    /// rest are for training; each part keeps the original order of its examples (<see cref="Rows"/>). An
    /// error when the fraction is not strictly between 0 and 1, or when either part would be empty.
    /// </summary>
    public static Fin<DataSplit> Create(Dataset data, double validationFraction, RandomKey key) =>
        Rows(data.Count, validationFraction, key).Map(rows =>
            new DataSplit(data.TakeRows(rows.Training), data.TakeRows(rows.Validation)));

    /// <summary>
    /// The row indices of the split <see cref="Create"/> makes of <paramref name="count"/> examples, each part in
    /// increasing order, without touching any example: for building both parts straight from stored rows
    /// (<see cref="Dataset.FromRows"/>). The same errors as <see cref="Create"/>.
    /// </summary>
    public static Fin<SplitRows> Rows(int count, double validationFraction, RandomKey key)
    {
        if (!(validationFraction > 0 && validationFraction < 1))
            return Error.New($"train/validation split: the validation fraction must be strictly between 0 and 1, got {validationFraction}");
        var validationCount = (int)Math.Round(validationFraction * count, MidpointRounding.AwayFromZero);
        if (validationCount < 1 || validationCount > count - 1)
            return Error.New($"train/validation split: a fraction of {validationFraction} of {count} examples gives " +
                             $"{validationCount} for validation and {count - validationCount} for training; both need at least 1");
        var order = Sampling.Permutation(key, count);
        return new SplitRows([.. order.Skip(validationCount).Order()], [.. order.Take(validationCount).Order()]);
    }
}
