using System.Globalization;

namespace Functional.NN.Optimizers;

/// <summary>
/// The building blocks of optimizers, as in optax: each method returns a <see cref="GradientTransformation"/>
/// whose doc comment states its update equation, and <see cref="Chain"/> composes them, e.g.
/// <c>Chain(ClipByGlobalNorm(1), ScaleByAdam(), ScaleByLearningRate(1e-3))</c>. One transformation per file.
/// </summary>
public static partial class Transform
{
    /// <summary>A number in the shortest text that reads back as the same double, for names.</summary>
    // Stryker disable once String : "R" and the default format give the same text for a double since .NET Core 3.0 (the shortest form that reads back)
    internal static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Throws unless <paramref name="value"/> is finite and in [<paramref name="low"/>, <paramref name="high"/>).</summary>
    internal static double RequireInRange(double value, double low, double high, string name, string transformation)
    {
        if (!double.IsFinite(value) || value < low || value >= high)
            throw new ArgumentOutOfRangeException(name, value, $"{transformation}: {name} must be in [{Text(low)}, {Text(high)}), got {Text(value)}");
        return value;
    }
}
