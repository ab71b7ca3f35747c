using System.Globalization;
using Xunit;

namespace Functional.NN.Tests;

/// <summary>
/// Compares a computed number with a figure printed in ../shared/seed/NOTES.md to every digit printed.
/// A printed figure is the exact value rounded to its last printed place, so the computed value must lie
/// within half a unit of that place: 0.593269992 allows ±5e-10 (9 significant digits), 3.50847863e-05
/// allows ±5e-14. Where NOTES prints fewer significant digits (0.000438568 has 6), no test can demand
/// more than it prints. A relative 1e-15 is added for the decimal-to-binary conversion of the figure.
/// </summary>
public static class PrintedFigure
{
    public static void AssertMatches(string printed, double actual, string what)
    {
        var expected = double.Parse(printed, CultureInfo.InvariantCulture);
        var limit = 0.5 * Math.Pow(10, LastDigitExponent(printed)) + 1e-15 * Math.Abs(expected);
        Assert.True(Math.Abs(actual - expected) <= limit,
            $"{what}: NOTES prints {printed}, computed {actual:R} (|diff| {Math.Abs(actual - expected):E3} > {limit:E3})");
    }

    /// <summary>The power of ten of the last printed digit: -9 for 0.593269992, -13 for 3.50847863e-05.</summary>
    public static int LastDigitExponent(string printed)
    {
        var parts = printed.Split('e', 'E');
        var exponent = parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : 0;
        var dot = parts[0].IndexOf('.');
        var decimals = dot < 0 ? 0 : parts[0].Length - dot - 1;
        return exponent - decimals;
    }
}
