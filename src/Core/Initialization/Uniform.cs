using Functional.NN.Randomness;
using Functional.NN.Tensors;

namespace Functional.NN.Initialization;

/// <summary>
/// U(<see cref="Low"/>, <see cref="High"/>): element e = low + (high - low)·key.Uniform(e)
/// (see <see cref="Sampling.Uniform"/>). The reference cases' biases are U(-0.5, 0.5).
/// </summary>
public sealed record Uniform : Initializer
{
    /// <summary>U(<paramref name="low"/>, <paramref name="high"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">When a bound is not finite or low &gt; high.</exception>
    public Uniform(double low, double high)
    {
        Low = RequireFinite(low, nameof(low), "uniform");
        High = RequireFinite(high, nameof(high), "uniform");
        if (low > high) throw new ArgumentOutOfRangeException(nameof(high), high, $"uniform: high must be ≥ low = {low}");
    }

    /// <summary>Lower bound (inclusive).</summary>
    public double Low { get; }

    /// <summary>Upper bound (exclusive, unless equal to the lower one).</summary>
    public double High { get; }

    /// <inheritdoc />
    public override string Name => "uniform";

    /// <inheritdoc />
    public override Tensor Sample(int rows, int columns, Fans fans, RandomKey key) =>
        Sampling.Uniform(key, rows, columns, Low, High);
}
