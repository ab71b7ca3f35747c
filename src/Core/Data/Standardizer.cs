using System.Numerics;
using System.Runtime.CompilerServices;
using Functional.NN.Tensors;
using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Data;

/// <summary>
/// Feature standardization, x' = (x - μ)/s per column, as scikit-learn's <c>StandardScaler</c>: μ is the
/// column mean and s the population standard deviation √(Σ(x - μ)²/n) of the data it was fitted on.
/// Fit it on the training part only and apply it to every part, so that no statistic of the validation
/// data leaks into training. A column with a single repeated value gets μ = that value and s = 1, so it
/// becomes exactly 0 instead of NaN. Targets are never changed.
/// </summary>
public sealed record Standardizer
{
    private Standardizer(Tensor mean, Tensor scale)
    {
        Mean = mean;
        Scale = scale;
    }

    /// <summary>μ per feature, as a <c>[1 x features]</c> row.</summary>
    public Tensor Mean { get; }

    /// <summary>s per feature (the standard deviation, or 1 for a constant column), as a <c>[1 x features]</c> row.</summary>
    public Tensor Scale { get; }

    /// <summary>Number of features it was fitted on.</summary>
    public int FeatureCount => Mean.Columns;

    /// <summary>
    /// The standardizer with the given statistics (as a model file stores them), or an error naming each
    /// problem: both must be <c>[1 x features]</c> rows of the same, non-zero width, every mean finite and
    /// every scale finite and positive.
    /// </summary>
    public static Fin<Standardizer> Create(Tensor mean, Tensor scale)
    {
        var badMean = Enumerable.Range(0, mean.Length).Where(i => !double.IsFinite(mean.Span[i])).ToList();
        var badScale = Enumerable.Range(0, scale.Length).Where(i => !(double.IsFinite(scale.Span[i]) && scale.Span[i] > 0)).ToList();
        return Checks.All([
                Checks.That(mean.Rows == 1 && mean.Columns >= 1, () => $"mean must be a [1 x features] row with at least one feature, got [{mean.Rows} x {mean.Columns}]"),
                Checks.That(scale.SameShape(mean), () => $"scale must have the shape of mean [{mean.Rows} x {mean.Columns}], got [{scale.Rows} x {scale.Columns}]"),
                Checks.That(badMean.Count == 0, () => $"mean is not finite at feature(s) {Features(badMean)}"),
                Checks.That(badScale.Count == 0, () => $"scale must be finite and positive, it is not at feature(s) {Features(badScale)}"),
            ])
            .Map(_ => new Standardizer(mean, scale))
            .ToFin("standardizer: ");
    }

    private static string Features(List<int> indices) =>
        string.Join(", ", indices.Take(5).Select(i => (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))) + (indices.Count > 5 ? ", ..." : "");

    /// <summary>The statistics of <paramref name="training"/>'s features (three passes over the rows; the deviations are rescaled before squaring, so no square overflows or underflows).</summary>
    public static Standardizer Fit(Dataset training) =>
        Fit(FeatureRows.Of(training.Features), Enumerable.Range(0, training.Count).ToArray());

    /// <summary>
    /// The statistics of the rows <paramref name="rows"/> of <paramref name="features"/>, summed in the order
    /// given: the same numbers as <see cref="Fit(Dataset)"/> of a dataset holding those rows in that order.
    /// </summary>
    /// <exception cref="ArgumentException">When <paramref name="rows"/> is empty.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // one call over the whole training set, at startup
    public static Standardizer Fit(FeatureRows features, IReadOnlyList<int> rows)
    {
        if (rows.Count < 1) throw new ArgumentException("a standardizer needs at least one row to fit", nameof(rows));
        var n = rows.Count;
        var columns = features.Columns;
        var row = new double[columns];
        var first = new double[columns];
        var same = new ulong[columns];
        var sum = new double[columns];
        var mean = new double[columns];
        var largest = new double[columns];
        var squares = new double[columns];
        features.CopyRow(rows[0], first);
        Array.Fill(same, ulong.MaxValue);
        for (var r = 0; r < n; r++)
        {
            features.CopyRow(rows[r], row);
            ColumnStatistics.Add(sum, row);
            ColumnStatistics.KeepEqual(same, row, first);
        }
        var constant = Array.ConvertAll(same, s => s != 0);
        for (var c = 0; c < columns; c++) mean[c] = constant[c] ? first[c] : sum[c] / n;
        for (var r = 0; r < n; r++)
        {
            features.CopyRow(rows[r], row);
            ColumnStatistics.KeepLargestDeviation(largest, row, mean);
        }
        for (var r = 0; r < n; r++)
        {
            features.CopyRow(rows[r], row);
            ColumnStatistics.AddScaledSquares(squares, row, mean, largest);
        }
        var scale = new double[columns];
        for (var c = 0; c < columns; c++)
        {
            var deviation = largest[c] * Math.Sqrt(squares[c] / n);
            scale[c] = !constant[c] && deviation > 0 && double.IsFinite(deviation) ? deviation : 1.0;
        }
        return new Standardizer(Tensor.Own(1, columns, mean), Tensor.Own(1, columns, scale));
    }

    /// <summary>The dataset with standardized features and the same targets, or an error when the feature count differs.</summary>
    public Fin<Dataset> Apply(Dataset data) => Apply(data.Features).Map(data.WithFeatures);

    /// <summary>
    /// (x - μ)/s for every row of <paramref name="features"/>, or an error when the feature count differs. The
    /// formula is computed in double, whatever <typeparamref name="T"/> is (x widened exactly, μ and s the fitted
    /// doubles), and its result rounded once to <typeparamref name="T"/>: a float is the double standardized value
    /// rounded, as in a dataset's float rows (<see cref="Dataset.FeaturesAs{T}"/>).
    /// </summary>
    public Fin<Tensor<T>> Apply<T>(Tensor<T> features) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (features.Columns != FeatureCount)
            return Error.New($"standardizer: fitted on {FeatureCount} features, got {features.Columns}");
        var mean = Mean.Span;
        var scale = Scale.Span;
        var result = new T[features.Length];
        var x = features.Span;
        for (var i = 0; i < result.Length; i++)
        {
            var c = i % features.Columns;
            result[i] = Rounding<T>.Of((double.CreateTruncating(x[i]) - mean[c]) / scale[c]);
        }
        return Tensor<T>.Own(features.Rows, features.Columns, result);
    }
}
