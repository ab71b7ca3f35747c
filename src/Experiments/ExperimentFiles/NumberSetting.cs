namespace Functional.NN.Experiments.ExperimentFiles;

/// <summary>
/// One numeric hyper-parameter that an optimizer or a schedule takes: its key, its default (null when it
/// must be given), whether it must be whole, and the rule that rejects impossible values.
/// </summary>
/// <param name="Key">The key in the experiment file.</param>
/// <param name="Default">The value when the key is absent; null when the key is required.</param>
/// <param name="Whole">True when only whole numbers make sense (step counts).</param>
/// <param name="Problem">Why a value is impossible (<c>must be in [0, 1)</c>), or null when it is fine.</param>
internal sealed record NumberSetting(string Key, double? Default, bool Whole, Func<double, string?> Problem)
{
    /// <summary>A real-valued setting.</summary>
    public static NumberSetting Real(string key, double? fallback, Func<double, string?> problem) => new(key, fallback, false, problem);

    /// <summary>A whole-number setting of at least <paramref name="min"/>.</summary>
    public static NumberSetting Count(string key, double? fallback, int min) =>
        new(key, fallback, true, v => v >= min && v <= int.MaxValue ? null : $"must be a whole number of at least {min}");

    /// <summary>Rejects values outside [0, 1).</summary>
    public static string? Fraction(double v) => v is >= 0 and < 1 ? null : "must be at least 0 and less than 1";

    /// <summary>Rejects negative values.</summary>
    public static string? NonNegative(double v) => v >= 0 ? null : "must be at least 0";

    /// <summary>Rejects values that are not above 0.</summary>
    public static string? Positive(double v) => v > 0 ? null : "must be greater than 0";

    /// <summary>Accepts every finite number.</summary>
    public static string? Any(double v) => null;
}
