using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Functional.NN.App.Cli;

/// <summary>
/// Numeric command-line options read in invariant culture, whose out-of-range values are usage errors
/// naming the option, the expected range and the text given.
/// </summary>
internal static class NumberOptions
{
    /// <summary>
    /// An optional number (null when absent; the help states <paramref name="defaultValue"/>, which the caller
    /// applies); <paramref name="allowZero"/> admits 0 as well as positive numbers.
    /// </summary>
    public static Option<double?> NonNegative(string name, double defaultValue, bool allowZero, string description) => new(name)
    {
        Description = $"{description} Default {defaultValue.ToString("G6", CultureInfo.InvariantCulture).Replace('E', 'e')}.",
        HelpName = "X",
        CustomParser = result =>
        {
            var text = Text(result);
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                && double.IsFinite(value) && (value > 0 || allowZero && value == 0))
                return value;
            result.AddError($"{name} must be a finite number {(allowZero ? "of at least 0" : "above 0")}, got '{text}'");
            return null;
        },
    };

    /// <summary>An optional whole number of at least 1 (null when the option is absent).</summary>
    public static Option<int?> Count(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "N",
        CustomParser = result =>
        {
            var text = Text(result);
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1) return value;
            result.AddError($"{name} must be a whole number of at least 1, got '{text}'");
            return null;
        },
    };

    private static string Text(ArgumentResult result) => string.Join(" ", result.Tokens.Select(t => t.Value));
}
