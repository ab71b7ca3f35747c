using System.Globalization;

namespace Functional.NN.App.Output;

/// <summary>
/// How the demo prints numbers: the tutorial's nine decimal places (<c>0.082167041</c>), independent
/// of the machine's culture; and scientific notation for very small values.
/// </summary>
internal static class NumberFormat
{
    /// <summary>Nine digits after the decimal point, as the tutorial prints: <c>0.298371109</c>.</summary>
    public static string Fixed(double value) => value.ToString("F9", CultureInfo.InvariantCulture);

    /// <summary>Nine significant digits in scientific notation: <c>3.50847863e-05</c>.</summary>
    public static string Scientific(double value) => value.ToString("0.00000000e+00", CultureInfo.InvariantCulture);

    /// <summary>Five significant digits in scientific notation: <c>3.5085e-05</c>.</summary>
    public static string ScientificShort(double value) => value.ToString("0.0000e+00", CultureInfo.InvariantCulture);

    /// <summary>A count with thousands separators: <c>10,000</c>.</summary>
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
