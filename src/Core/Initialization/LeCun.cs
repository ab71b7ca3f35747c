using Functional.NN.Randomness;
using Functional.NN.Tensors;

namespace Functional.NN.Initialization;

/// <summary>
/// LeCun et al. (1998) uniform, as <c>jax.nn.initializers.lecun_uniform</c>: U(-a, a) with a = √(3/fan_in),
/// so that Var = 1/fan_in (He uniform with gain 1).
/// </summary>
public sealed record LeCunUniform : Initializer
{
    /// <inheritdoc />
    public override string Name => "lecun_uniform";

    /// <inheritdoc />
    public override Tensor Sample(int rows, int columns, Fans fans, RandomKey key)
    {
        var a = Math.Sqrt(3.0 / fans.In);
        return Sampling.Uniform(key, rows, columns, -a, a);
    }
}

/// <summary>
/// LeCun normal: N(0, 1/fan_in), an ordinary (untruncated) normal. Note that JAX's and Keras'
/// <c>lecun_normal</c> draw from a truncated normal rescaled to the same variance; this one does not truncate.
/// </summary>
public sealed record LeCunNormal : Initializer
{
    /// <inheritdoc />
    public override string Name => "lecun_normal";

    /// <inheritdoc />
    public override Tensor Sample(int rows, int columns, Fans fans, RandomKey key) =>
        Sampling.Normal(key, rows, columns, 0.0, 1.0 / Math.Sqrt(fans.In));
}
