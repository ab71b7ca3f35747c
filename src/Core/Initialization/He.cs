using Functional.NN.Randomness;
using Functional.NN.Tensors;

namespace Functional.NN.Initialization;

/// <summary>
/// He et al. (2015) uniform in fan-in mode, as <c>torch.nn.init.kaiming_uniform_</c>: U(-a, a) with
/// a = gain·√(3/fan_in), so that Var = gain²/fan_in. The default gain √2 suits ReLU layers.
/// </summary>
public sealed record HeUniform : Initializer
{
    /// <summary>He uniform with the given gain.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When the gain is negative or not finite.</exception>
    public HeUniform(double gain = ReluGain) => Gain = RequireGain(gain, "he_uniform");

    /// <summary>The gain.</summary>
    public double Gain { get; }

    /// <inheritdoc />
    public override string Name => "he_uniform";

    /// <inheritdoc />
    public override Tensor Sample(int rows, int columns, Fans fans, RandomKey key)
    {
        var a = Gain * Math.Sqrt(3.0 / fans.In);
        return Sampling.Uniform(key, rows, columns, -a, a);
    }
}

/// <summary>
/// He et al. (2015) normal in fan-in mode, as <c>torch.nn.init.kaiming_normal_</c>: N(0, σ²) with
/// σ = gain/√fan_in. The default gain √2 suits ReLU layers. Not truncated.
/// </summary>
public sealed record HeNormal : Initializer
{
    /// <summary>He normal with the given gain.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When the gain is negative or not finite.</exception>
    public HeNormal(double gain = ReluGain) => Gain = RequireGain(gain, "he_normal");

    /// <summary>The gain.</summary>
    public double Gain { get; }

    /// <inheritdoc />
    public override string Name => "he_normal";

    /// <inheritdoc />
    public override Tensor Sample(int rows, int columns, Fans fans, RandomKey key) =>
        Sampling.Normal(key, rows, columns, 0.0, Gain / Math.Sqrt(fans.In));
}
