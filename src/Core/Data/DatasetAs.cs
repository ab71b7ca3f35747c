using System.Numerics;
using Functional.NN.Model;
using Functional.NN.Tensors;
using LanguageExt;

namespace Functional.NN.Data;

public sealed partial record Dataset
{
    /// <summary>
    /// Every feature as a <typeparamref name="T"/>: the double features (<see cref="Features"/>) each rounded once to
    /// the nearest <typeparamref name="T"/>. For a view, only these numbers are made, straight from the stored rows;
    /// a dataset holding double features gives them as they are for <c>T = double</c>.
    /// </summary>
    public Tensor<T> FeaturesAs<T>() where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (_features is Tensor<T> held) return held;
        var data = GC.AllocateUninitializedArray<T>(checked(Count * FeatureCount));
        CopyFeatures(Enumerable.Range(0, Count).ToArray(), data.AsSpan());
        return Tensor<T>.Own(Count, FeatureCount, data);
    }

    /// <summary>Every target as a <typeparamref name="T"/>: the double targets (<see cref="Targets"/>) each rounded once to the nearest <typeparamref name="T"/> (as they are for <c>T = double</c>).</summary>
    public Tensor<T> TargetsAs<T>() where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (Targets is Tensor<T> held) return held;
        var data = GC.AllocateUninitializedArray<T>(Targets.Length);
        Rounding<T>.Copy(Targets.Span, data);
        return Tensor<T>.Own(Targets.Rows, Targets.Columns, data);
    }

    /// <summary>The examples as a batch for <paramref name="network"/>, or an error when the shapes do not fit it.</summary>
    public Fin<Batch> ToBatch(Network network) => ToBatch<double>(network);

    /// <summary>
    /// The examples as a batch of <typeparamref name="T"/> for <paramref name="network"/> (<see cref="FeaturesAs{T}"/>
    /// and <see cref="TargetsAs{T}"/>), or an error when the shapes do not fit it or a number is not finite as a
    /// <typeparamref name="T"/> (named by its row in the batch, as <see cref="Batch{T}.Create(Network, Tensor{T}, Tensor{T})"/> names it).
    /// </summary>
    public Fin<Batch<T>> ToBatch<T>(Network network) where T : unmanaged, IFloatingPointIeee754<T> =>
        Batch<T>.Create(network, FeaturesAs<T>(), TargetsAs<T>());

    /// <summary>
    /// Unit when every feature and target stays a finite number as a <typeparamref name="T"/>, or an error naming
    /// the first of each that does not, by row and column as <see cref="Create(Tensor, Tensor)"/> and
    /// <see cref="FromRows"/> name them, with the type: every number is a finite double (checked when the dataset
    /// was made), but a double beyond ±3.4e38 is an infinity as a float. A training loop that gathers batches of
    /// <typeparamref name="T"/> without checking them checks this once.
    /// </summary>
    public Fin<Unit> CheckFiniteAs<T>() where T : unmanaged, IFloatingPointIeee754<T>
    {
        var feature = _view is not null ? _view.FirstNonFinite<T>() : FirstNonFinite<T>(_features!) is { } f ? (f.Row, f.Column, false) : null;
        var target = FirstNonFinite<T>(Targets);
        return Checks.All([
                Checks.That(feature is null, () => NotFinite<T>("features", feature!.Value.Row, feature.Value.Column, feature.Value.Standardized)),
                Checks.That(target is null, () => NotFinite<T>("targets", _view is null ? target!.Value.Row : _view.Rows[target!.Value.Row], target.Value.Column, false)),
            ])
            .ToFin();
    }

    /// <summary>The rows at valid indices, without checks, as a batch of <typeparamref name="T"/> whose arrays come from <paramref name="take"/> (called with each array's length).</summary>
    internal Batch<T> GatherBatch<T>(IReadOnlyList<int> rows, Func<int, T[]> take) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var features = take(checked(rows.Count * FeatureCount));
        CopyFeatures(rows, features.AsSpan());
        var targets = take(checked(rows.Count * Targets.Columns));
        Gather(Targets, rows, targets.AsSpan());
        return Batch<T>.FromTrusted(Tensor<T>.Own(rows.Count, FeatureCount, features), Tensor<T>.Own(rows.Count, Targets.Columns, targets));
    }

    /// <summary>The features of the rows at valid indices <paramref name="rows"/>, rounded to <typeparamref name="T"/>, without checks, into the start of <paramref name="into"/>.</summary>
    internal void CopyFeatures<T>(IReadOnlyList<int> rows, Span<T> into) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (_features is not null) Gather(_features, rows, into);
        else _view!.Convert(rows, into);
    }

    /// <summary>This dataset, or an error naming its first feature and target that are not finite doubles.</summary>
    private Fin<Dataset> Checked() => CheckFiniteAs<double>().Map(_ => this);

    /// <summary>The message for a number of <paramref name="what"/> at a row and column that is not finite (as a <typeparamref name="T"/>, named as <see cref="ElementTypeName"/> names it, unless double).</summary>
    private static string NotFinite<T>(string what, int row, int column, bool standardized) where T : unmanaged, IFloatingPointIeee754<T> =>
        $"{what}: row {row}, column {column} is not a finite number{(standardized ? " after standardization" : "")}" +
        (typeof(T) == typeof(double) ? "" : $" as {ElementTypeName.Of<T>()}");
}
