using System.Globalization;

namespace Functional.NN.Experiments.Runs;

/// <summary>
/// One format per kind of number in what <c>train</c> and <c>resume</c> print, so columns read alike from epoch to
/// epoch: losses and learning rates in scientific notation with five significant digits (<c>2.3269e-01</c>,
/// <c>6.0935e-02</c>, <c>6.2460e-05</c>), accuracies as fractions with four decimals (<c>0.8712</c>).
/// </summary>
internal static class MetricText
{
    /// <summary>A loss: <c>2.3269e-01</c>; NaN and infinities as <c>NaN</c>, <c>inf</c>, <c>-inf</c>.</summary>
    public static string Loss(double value) => Scientific(value);

    /// <summary>A learning rate: <c>1.0000e-03</c>.</summary>
    public static string Rate(double value) => Scientific(value);

    /// <summary>An accuracy (a fraction): <c>0.8712</c>.</summary>
    public static string Accuracy(double value) => value.ToString("F4", CultureInfo.InvariantCulture);

    private static string Scientific(double value) =>
        double.IsNaN(value) ? "NaN" : double.IsInfinity(value) ? (value > 0 ? "inf" : "-inf") : value.ToString("0.0000e+00", CultureInfo.InvariantCulture);
}
