using Functional.NN.Experiments.ExperimentFiles;
using Functional.NN.Data;
using Functional.NN.Randomness;
using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Experiments.Runs;

/// <summary>
/// The data of a run, ready for training: the training part, the validation part (a seeded split,
/// <see cref="DataSplit"/>), the test split when the source has one, and, when the experiment standardizes,
/// the <see cref="Standardizer"/> fitted on the training part only and applied to all three.
/// </summary>
/// <param name="Training">The examples trained on.</param>
/// <param name="Validation">Examples held out for validation after every epoch, or null when the split is 0.</param>
/// <param name="Test">The source's test split, evaluated at the end, or null.</param>
/// <param name="Standardizer">The standardization applied to every part, or null.</param>
/// <param name="Classes">Number of classes; 0 for regression.</param>
/// <param name="Sha256">The source data's SHA-256 (<see cref="SourceData.Sha256"/>).</param>
/// <param name="Name">The source's name (<c>two_moons</c>, <c>fashion-mnist-train</c>).</param>
internal sealed record TrainingData(Dataset Training, Dataset? Validation, Dataset? Test, Standardizer? Standardizer,
    int Classes, string Sha256, string Name)
{
    /// <summary>The standardization the run's models expect their inputs in, as model files store it (None when the experiment does not standardize).</summary>
    public Option<Standardizer> InputStandardizer => Prelude.Optional(Standardizer);

    /// <summary>
    /// Splits and standardizes <paramref name="source"/> as <paramref name="training"/> says, the split drawn from
    /// <paramref name="splitKey"/>. The split is a choice of rows (<see cref="DataSplit.Rows"/>), the standardizer
    /// is fitted on the training rows as they are stored (<see cref="Standardizer.Fit(FeatureRows, IReadOnlyList{int})"/>),
    /// and each part is a view of the stored rows that standardizes rows as batches and blocks take them
    /// (<see cref="Dataset.FromRows"/>): the numbers of a split followed by <see cref="Standardizer.Apply(Dataset)"/>,
    /// without any copy of the whole data set.
    /// </summary>
    public static Fin<TrainingData> Prepare(SourceData source, TrainingSpec training, RandomKey splitKey) =>
        from rows in training.ValidationSplit > 0
            ? Named("training.validation_split", DataSplit.Rows(source.Train.Count, training.ValidationSplit, splitKey))
            : new SplitRows([.. Enumerable.Range(0, source.Train.Count)], [])
        let standardizer = training.Standardize ? Standardizer.Fit(source.Train.Features, rows.Training) : null
        from train in Named("data", Dataset.FromRows(source.Train.Features, source.Train.Targets, rows.Training, standardizer))
        from validation in rows.Validation.IsEmpty
            ? Fin<Option<Dataset>>.Succ(Option<Dataset>.None)
            : Named("data", Dataset.FromRows(source.Train.Features, source.Train.Targets, rows.Validation, standardizer)).Map(Option<Dataset>.Some)
        from test in source.Test is not { } t
            ? Fin<Option<Dataset>>.Succ(Option<Dataset>.None)
            : Named("test data", Dataset.FromRows(t.Features, t.Targets, [.. Enumerable.Range(0, t.Count)], standardizer)).Map(Option<Dataset>.Some)
        select new TrainingData(train, Nullable(validation), Nullable(test), standardizer, source.Train.Classes, source.Sha256, source.Train.Name);

    private static Dataset? Nullable(Option<Dataset> data) => data.IfNoneUnsafe((Dataset?)null);

    private static Fin<T> Named<T>(string what, Fin<T> value) => value.Prefixed(what);
}
