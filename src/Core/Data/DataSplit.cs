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
    /// rest are for training; each part keeps the original order of its examples. An error when the fraction
    /// is not strictly between 0 and 1, or when either part would be empty.
    /// </summary>
    public static Fin<DataSplit> Create(Dataset data, double validationFraction, RandomKey key)
    {
        if (!(validationFraction > 0 && validationFraction < 1))
            return Error.New($"train/validation split: the validation fraction must be strictly between 0 and 1, got {validationFraction}");
        var validationCount = (int)Math.Round(validationFraction * data.Count, MidpointRounding.AwayFromZero);
        if (validationCount < 1 || validationCount > data.Count - 1)
            return Error.New($"train/validation split: a fraction of {validationFraction} of {data.Count} examples gives " +
                             $"{validationCount} for validation and {data.Count - validationCount} for training; both need at least 1");
        var order = Sampling.Permutation(key, data.Count);
        var validation = order.Take(validationCount).Order().ToArray();
        var training = order.Skip(validationCount).Order().ToArray();
        return new DataSplit(data.TakeRows(training), data.TakeRows(validation));
    }
}
