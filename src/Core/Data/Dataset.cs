using System.Numerics;
using Functional.NN.Model;
using Functional.NN.Optimizers.Elementwise;
using Functional.NN.Randomness;
using Functional.NN.Tensors;
using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Data;

/// <summary>
/// Examples as rows: features <c>[examples x features]</c> and targets <c>[examples x outputs]</c>, with the
/// same number of rows, at least one of each, and only finite numbers (checked by
/// <see cref="Create(Tensor, Tensor)"/> and <see cref="FromRows"/>). Immutable; every operation returns a new
/// dataset. A dataset built by <see cref="FromRows"/> is a view: it keeps the stored rows it was built from
/// (shared, never written), the chosen row indices and the standardizer, and converts rows to numbers only when
/// they are asked for, so a batch or a block of rows costs only its own numbers; its subsets, shuffles and splits
/// are views of the same stored rows.
/// <para>
/// A dataset's numbers are doubles: the stored numbers and the standardized ones, (x − μ)/s computed in double.
/// It is not generic in the element type: a batch or rows in another type <c>T</c> (<see cref="ToBatch{T}"/>,
/// <see cref="FeaturesAs{T}"/>) are its double numbers each rounded once to <c>T</c>, written straight into the
/// <c>T</c> arrays row by row (standardized byte rows narrowed in the register, other rows through one row of
/// doubles in scratch), never through a double tensor. So one data set, split, shuffled and cut once, feeds a float and a double run alike; each number is
/// computed by one statement, in double, whatever the element type; and a float number is the double number
/// rounded, never a result of float arithmetic. Every number is checked to be a finite double when the dataset is
/// made; <see cref="CheckFiniteAs{T}"/> checks that it stays finite in a narrower type.
/// </para>
/// </summary>
public sealed partial record Dataset
{
    private readonly Tensor? _features;
    private readonly RowView? _view;

    private Dataset(Tensor features, Tensor targets)
    {
        _features = features;
        Targets = targets;
    }

    private Dataset(RowView view, Tensor targets)
    {
        _view = view;
        Targets = targets;
    }

    /// <summary>
    /// Input features, one example per row. For a view (<see cref="FromRows"/>) every access converts all of its
    /// rows into a new tensor: take rows (<see cref="Subset"/>, batches) to convert only those.
    /// </summary>
    public Tensor Features => FeaturesAs<double>();

    /// <summary>Targets, one example per row (one-hot rows for classification).</summary>
    public Tensor Targets { get; }

    /// <summary>Number of examples.</summary>
    public int Count => Targets.Rows;

    /// <summary>Number of features per example (columns of <see cref="Features"/>).</summary>
    public int FeatureCount => _features?.Columns ?? _view!.Source.Columns;

    /// <summary>A dataset, or an error naming every problem (row and column of the first non-finite number of each tensor).</summary>
    public static Fin<Dataset> Create(Tensor features, Tensor targets)
    {
        var (badFeature, badTarget) = (FirstNonFinite<double>(features), FirstNonFinite<double>(targets));
        return Checks.All([
                Checks.That(features.Rows >= 1, "a dataset needs at least one example, got 0 feature rows"),
                Checks.That(features.Columns >= 1, "features: need at least one column, got 0"),
                Checks.That(targets.Columns >= 1, "targets: need at least one column, got 0"),
                Checks.That(targets.Rows == features.Rows, () => $"targets: {targets.Rows} rows for {features.Rows} feature rows"),
                Checks.That(badFeature is null, () => NotFinite<double>("features", badFeature!.Value.Row, badFeature.Value.Column, false)),
                Checks.That(badTarget is null, () => NotFinite<double>("targets", badTarget!.Value.Row, badTarget.Value.Column, false)),
            ])
            .Map(_ => new Dataset(features, targets))
            .ToFin();
    }

    /// <summary>A dataset from rows of features and targets (copied).</summary>
    public static Fin<Dataset> Create(double[][] features, double[][] targets) =>
        from x in Named("features", Tensor.FromRows(features))
        from t in Named("targets", Tensor.FromRows(targets))
        from data in Create(x, t)
        select data;

    /// <summary>The examples at <paramref name="rows"/>, in that order (repeats allowed), or an error naming any index out of range.</summary>
    public Fin<Dataset> Subset(IReadOnlyList<int> rows)
    {
        if (rows.Count == 0) return Error.New("subset: a dataset needs at least one example, got no rows");
        var bad = rows.Select((row, i) => (row, i)).Where(p => p.row < 0 || p.row >= Count)
            .Select(p => $"position {p.i} is row {p.row}").ToList();
        return bad.Count == 0
            ? TakeRows(rows)
            : Error.New($"subset of {Count} examples (rows 0..{Count - 1}): {string.Join("; ", bad)}");
    }

    /// <summary>The examples in the order of <see cref="Sampling.Permutation"/>(key, Count).</summary>
    public Dataset Shuffle(RandomKey key) => TakeRows(Sampling.Permutation(key, Count));

    /// <summary>The examples in the order of epoch <paramref name="epoch"/>: <see cref="Shuffle"/> with <c>key.Fold(epoch)</c>.</summary>
    public Dataset ShuffleForEpoch(RandomKey key, int epoch) => Shuffle(key.Fold(epoch));

    /// <summary>The same targets with other features of the same number of rows (for transforms that keep the rows).</summary>
    internal Dataset WithFeatures(Tensor features) => new(features, Targets);

    /// <summary>
    /// The rows at valid indices, without checks: a dataset holding their numbers, or for a view, a view of the same
    /// stored rows (nothing converted).
    /// </summary>
    internal Dataset TakeRows(IReadOnlyList<int> rows) =>
        _features is not null ? new(Gather(_features, rows), Gather(Targets, rows)) : new(_view!.Take(rows), Gather(Targets, rows));

    /// <summary>
    /// The rows at valid indices, without checks, as a batch whose arrays come from <paramref name="arrays"/> (a
    /// training loop's recycled memory). The dataset's numbers are finite and its widths fit the plan's network.
    /// </summary>
    internal Batch GatherBatch(IReadOnlyList<int> rows, StepArrays arrays) => GatherBatch<double>(rows, arrays);

    /// <summary>
    /// The rows at valid indices, without checks, as a batch of <typeparamref name="T"/> whose arrays come from
    /// <paramref name="arrays"/>. The dataset's numbers are finite as <typeparamref name="T"/> (<see cref="CheckFiniteAs{T}"/>)
    /// and its widths fit the plan's network.
    /// </summary>
    internal Batch<T> GatherBatch<T>(IReadOnlyList<int> rows, StepArrays arrays) where T : unmanaged, IFloatingPointIeee754<T> =>
        GatherBatch(rows, arrays.Take<T>);

    private static Fin<Tensor> Named(string what, Fin<Tensor> tensor) =>
        tensor.Match(Succ: t => (Fin<Tensor>)t, Fail: e => Error.New($"{what}: {e.Message}"));

    private static Tensor Gather(Tensor source, IReadOnlyList<int> rows)
    {
        var data = GC.AllocateUninitializedArray<double>(rows.Count * source.Columns);
        Gather(source, rows, data.AsSpan());
        return Tensor.Own(rows.Count, source.Columns, data);
    }

    /// <summary>Rows <paramref name="rows"/> of <paramref name="source"/>, each number rounded to <typeparamref name="T"/>, into the start of <paramref name="data"/>.</summary>
    private static void Gather<T>(Tensor source, IReadOnlyList<int> rows, Span<T> data) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (var i = 0; i < rows.Count; i++) Rounding<T>.Copy(source.Row(rows[i]), data.Slice(i * source.Columns, source.Columns));
    }

    /// <summary>The row and column of the first number of <paramref name="tensor"/> that is not finite as a <typeparamref name="T"/>.</summary>
    private static (int Row, int Column)? FirstNonFinite<T>(Tensor tensor) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var span = tensor.Span;
        for (var i = 0; i < span.Length; i++)
            if (!Rounding<T>.IsFinite(span[i])) return (i / tensor.Columns, i % tensor.Columns);
        return null;
    }
}
