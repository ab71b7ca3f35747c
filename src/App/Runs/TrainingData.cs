using Functional.NN.App.Experiments;
using Functional.NN.Data;
using Functional.NN.Randomness;
using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.App.Runs;

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

    /// <summary>Splits and standardizes <paramref name="source"/> as <paramref name="training"/> says, the split drawn from <paramref name="splitKey"/>.</summary>
    public static Fin<TrainingData> Prepare(SourceData source, TrainingSpec training, RandomKey splitKey) =>
        from all in Named("data", Dataset.Create(source.Train.Features, source.Train.Targets))
        from test in source.Test is null
            ? Fin<Option<Dataset>>.Succ(Option<Dataset>.None)
            : Named("test data", Dataset.Create(source.Test.Features, source.Test.Targets)).Map(Option<Dataset>.Some)
        from split in training.ValidationSplit > 0
            ? Named("training.validation_split", DataSplit.Create(all, training.ValidationSplit, splitKey)).Map(s => (s.Training, Option<Dataset>.Some(s.Validation)))
            : Fin<(Dataset, Option<Dataset>)>.Succ((all, Option<Dataset>.None))
        from prepared in Standardized(split.Item1, split.Item2, test, training.Standardize)
        select prepared with { Classes = source.Train.Classes, Sha256 = source.Sha256, Name = source.Train.Name };

    private static Fin<TrainingData> Standardized(Dataset train, Option<Dataset> validation, Option<Dataset> test, bool standardize)
    {
        if (!standardize) return new TrainingData(train, Nullable(validation), Nullable(test), null, 0, "", "");
        var standardizer = Standardizer.Fit(train);
        return from t in standardizer.Apply(train)
               from v in Apply(standardizer, validation)
               from x in Apply(standardizer, test)
               select new TrainingData(t, Nullable(v), Nullable(x), standardizer, 0, "", "");
    }

    private static Fin<Option<Dataset>> Apply(Standardizer standardizer, Option<Dataset> data) =>
        data.Match(Some: d => standardizer.Apply(d).Map(Option<Dataset>.Some), None: () => Fin<Option<Dataset>>.Succ(Option<Dataset>.None));

    private static Dataset? Nullable(Option<Dataset> data) => data.IfNoneUnsafe((Dataset?)null);

    private static Fin<T> Named<T>(string what, Fin<T> value) => value.Prefixed(what);
}
