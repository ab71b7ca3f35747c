using System.Collections.Immutable;
using System.Numerics;
using Functional.NN.Model;
using Functional.NN.Randomness;
using Functional.NN.Tensors;

namespace Functional.NN.Initialization;

/// <summary>
/// How to fill a network's initial parameters from an explicit <see cref="RandomKey"/>. The family is closed:
/// <see cref="Zeros"/>, <see cref="Constant"/>, <see cref="Uniform"/>, <see cref="Normal"/>, and the
/// variance-scaling rules of Glorot (<see cref="XavierUniform"/>, <see cref="XavierNormal"/>),
/// He (<see cref="HeUniform"/>, <see cref="HeNormal"/>) and LeCun (<see cref="LeCunUniform"/>,
/// <see cref="LeCunNormal"/>). Initializers are values: equal when their hyper-parameters are equal.
/// <para>
/// Keys: layer l (0-based) uses <c>key.Fold(l)</c>; its weights use <c>key.Fold(l).Fold(0)</c> and its bias
/// <c>key.Fold(l).Fold(1)</c>. So layer l's numbers depend only on the seed, l and layer l's own shape,
/// never on the other layers.
/// </para>
/// </summary>
public abstract record Initializer
{
    private protected Initializer() { }

    /// <summary>The gain √2 for ReLU layers (PyTorch's <c>calculate_gain("relu")</c>), the default of the He initializers.</summary>
    public const double ReluGain = 1.4142135623730951;

    /// <summary>The name shown in reports (<c>xavier_uniform</c>, <c>he_normal</c>, ...).</summary>
    public abstract string Name { get; }

    /// <summary>A <c>[rows x columns]</c> tensor for a layer with fans <paramref name="fans"/>, from <paramref name="key"/>.</summary>
    public abstract Tensor Sample(int rows, int columns, Fans fans, RandomKey key);

    /// <summary>Weights by this initializer and biases all zero (PyTorch's habit for many models, and JAX's default).</summary>
    public Parameters Initialize(Network network, RandomKey key) => Initialize<double>(network, key, Zeros);

    /// <summary>Weights by this initializer and biases by <paramref name="bias"/>, with one key per layer.</summary>
    public Parameters Initialize(Network network, RandomKey key, Initializer bias) => Initialize<double>(network, key, bias);

    /// <summary>
    /// <see cref="Initialize(Network, RandomKey)"/> in the element type <typeparamref name="T"/>: the same numbers,
    /// each rounded once to <typeparamref name="T"/> (so a float32 run starts where the float64 run does, rounded).
    /// </summary>
    public Parameters<T> Initialize<T>(Network network, RandomKey key) where T : unmanaged, IFloatingPointIeee754<T> =>
        Initialize<T>(network, key, Zeros);

    /// <summary><see cref="Initialize(Network, RandomKey, Initializer)"/> in the element type <typeparamref name="T"/>, each number rounded once.</summary>
    public Parameters<T> Initialize<T>(Network network, RandomKey key, Initializer bias) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var layers = ImmutableArray.CreateBuilder<LayerTensors<T>>(network.Layers.Length);
        for (var l = 0; l < network.Layers.Length; l++)
        {
            var fans = new Fans(network.InputsOf(l), network.Layers[l].Units);
            var layerKey = key.Fold(l);
            layers.Add(new LayerTensors<T>(
                Sample(fans.Out, fans.In, fans, layerKey.Fold(0)).Convert<T>(),
                bias.Sample(1, fans.Out, fans, layerKey.Fold(1)).Convert<T>()));
        }
        return Parameters<T>.FromTrustedLayers(layers.MoveToImmutable());
    }

    /// <summary>Every number 0.</summary>
    public static Initializer Zeros { get; } = new Zeros();

    /// <summary>Every number <paramref name="value"/> (finite).</summary>
    public static Initializer Constant(double value) => new Constant(value);

    /// <summary>U(<paramref name="low"/>, <paramref name="high"/>); the reference cases' biases are U(-0.5, 0.5).</summary>
    public static Initializer Uniform(double low, double high) => new Uniform(low, high);

    /// <summary>N(<paramref name="mean"/>, <paramref name="standardDeviation"/>²).</summary>
    public static Initializer Normal(double mean, double standardDeviation) => new Normal(mean, standardDeviation);

    /// <summary>Glorot uniform with gain 1: U(-a, a), a = √(6/(fan_in + fan_out)).</summary>
    public static Initializer XavierUniform { get; } = new XavierUniform();

    /// <summary>Glorot normal with gain 1: N(0, 2/(fan_in + fan_out)).</summary>
    public static Initializer XavierNormal { get; } = new XavierNormal();

    /// <summary>He (Kaiming) uniform with the ReLU gain √2: U(-a, a), a = √(6/fan_in).</summary>
    public static Initializer HeUniform { get; } = new HeUniform();

    /// <summary>He (Kaiming) normal with the ReLU gain √2: N(0, 2/fan_in).</summary>
    public static Initializer HeNormal { get; } = new HeNormal();

    /// <summary>LeCun uniform: U(-a, a), a = √(3/fan_in), variance 1/fan_in.</summary>
    public static Initializer LeCunUniform { get; } = new LeCunUniform();

    /// <summary>LeCun normal (untruncated): N(0, 1/fan_in).</summary>
    public static Initializer LeCunNormal { get; } = new LeCunNormal();

    private protected static double RequireFinite(double value, string parameter, string initializer) =>
        double.IsFinite(value)
            ? value
            : throw new ArgumentOutOfRangeException(parameter, value, $"{initializer}: {parameter} must be a finite number");

    private protected static double RequireGain(double gain, string initializer) =>
        double.IsFinite(gain) && gain >= 0
            ? gain
            : throw new ArgumentOutOfRangeException(nameof(gain), gain, $"{initializer}: the gain must be a finite number ≥ 0");
}
