using Functional.NN.Randomness;
using Functional.NN.Tensors;

namespace Functional.NN.Initialization;

/// <summary>
/// Glorot and Bengio (2010) uniform, as <c>torch.nn.init.xavier_uniform_</c>: U(-a, a) with
/// a = gain·√(6/(fan_in + fan_out)), so that Var = gain²·2/(fan_in + fan_out).
/// </summary>
public sealed record XavierUniform : Initializer
{
    /// <summary>Glorot uniform with the given gain (1 for sigmoid and identity, 5/3 for tanh in PyTorch's table).</summary>
    /// <exception cref="ArgumentOutOfRangeException">When the gain is negative or not finite.</exception>
    public XavierUniform(double gain = 1.0) => Gain = RequireGain(gain, "xavier_uniform");

    /// <summary>The gain.</summary>
    public double Gain { get; }

    /// <inheritdoc />
    public override string Name => "xavier_uniform";

    /// <inheritdoc />
    public override Tensor Sample(int rows, int columns, Fans fans, RandomKey key)
    {
        var a = Gain * Math.Sqrt(6.0 / (fans.In + fans.Out));
        return Sampling.Uniform(key, rows, columns, -a, a);
    }
}

/// <summary>
/// Glorot and Bengio (2010) normal, as <c>torch.nn.init.xavier_normal_</c>: N(0, σ²) with
/// σ = gain·√(2/(fan_in + fan_out)). Not truncated.
/// </summary>
public sealed record XavierNormal : Initializer
{
    /// <summary>Glorot normal with the given gain.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When the gain is negative or not finite.</exception>
    public XavierNormal(double gain = 1.0) => Gain = RequireGain(gain, "xavier_normal");

    /// <summary>The gain.</summary>
    public double Gain { get; }

    /// <inheritdoc />
    public override string Name => "xavier_normal";

    /// <inheritdoc />
    public override Tensor Sample(int rows, int columns, Fans fans, RandomKey key) =>
        Sampling.Normal(key, rows, columns, 0.0, Gain * Math.Sqrt(2.0 / (fans.In + fans.Out)));
}
