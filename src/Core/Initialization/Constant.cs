using Functional.NN.Randomness;
using Functional.NN.Tensors;

namespace Functional.NN.Initialization;

/// <summary>Every number 0, the usual bias initialization. Uses no randomness.</summary>
public sealed record Zeros : Initializer
{
    /// <inheritdoc />
    public override string Name => "zeros";

    /// <inheritdoc />
    public override Tensor Sample(int rows, int columns, Fans fans, RandomKey key) => Tensor.Zeros(rows, columns);
}

/// <summary>Every number equal to <see cref="Value"/>. Uses no randomness.</summary>
public sealed record Constant : Initializer
{
    /// <summary>Every number equal to <paramref name="value"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When the value is NaN or infinite.</exception>
    public Constant(double value) => Value = RequireFinite(value, nameof(value), "constant");

    /// <summary>The value of every number.</summary>
    public double Value { get; }

    /// <inheritdoc />
    public override string Name => "constant";

    /// <inheritdoc />
    public override Tensor Sample(int rows, int columns, Fans fans, RandomKey key) => Tensor.Filled(rows, columns, Value);
}
