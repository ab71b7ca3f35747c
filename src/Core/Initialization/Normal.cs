using Functional.NN.Randomness;
using Functional.NN.Tensors;

namespace Functional.NN.Initialization;

/// <summary>
/// N(<see cref="Mean"/>, <see cref="StandardDeviation"/>²): element e = mean + sd·key.Normal(e)
/// (Box-Muller, see <see cref="RandomKey"/>). Not truncated.
/// </summary>
public sealed record Normal : Initializer
{
    /// <summary>N(<paramref name="mean"/>, <paramref name="standardDeviation"/>²).</summary>
    /// <exception cref="ArgumentOutOfRangeException">When a parameter is not finite or the standard deviation is negative.</exception>
    public Normal(double mean, double standardDeviation)
    {
        Mean = RequireFinite(mean, nameof(mean), "normal");
        StandardDeviation = RequireFinite(standardDeviation, nameof(standardDeviation), "normal");
        if (standardDeviation < 0)
            throw new ArgumentOutOfRangeException(nameof(standardDeviation), standardDeviation, "normal: the standard deviation must be ≥ 0");
    }

    /// <summary>The mean.</summary>
    public double Mean { get; }

    /// <summary>The standard deviation.</summary>
    public double StandardDeviation { get; }

    /// <inheritdoc />
    public override string Name => "normal";

    /// <inheritdoc />
    public override Tensor Sample(int rows, int columns, Fans fans, RandomKey key) =>
        Sampling.Normal(key, rows, columns, Mean, StandardDeviation);
}
