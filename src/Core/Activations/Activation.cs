using System.Numerics;
using Functional.NN.Tensors;

namespace Functional.NN.Activations;

/// <summary>
/// A layer's non-linearity a = f(z), applied to a whole batch of pre-activations at once, with the
/// rule that carries a gradient back through it. The family is closed: the built-in activations below,
/// plus <see cref="CustomActivation"/> for users' own element-wise functions.
/// </summary>
public abstract record Activation
{
    private protected Activation() { }

    /// <summary>The name used in experiment files and reports (<c>sigmoid</c>, <c>relu</c>, ...).</summary>
    public abstract string Name { get; }

    /// <summary>a = f(z) for every element of the batch <c>[batch x units]</c>.</summary>
    public abstract Tensor<T> Apply<T>(Tensor<T> z) where T : unmanaged, IFloatingPointIeee754<T>;

    /// <summary>
    /// The gradient with respect to z, given z, a = f(z), and the gradient with respect to a
    /// (a vector-Jacobian product, as <c>jax.vjp</c> computes).
    /// </summary>
    public abstract Tensor<T> Backward<T>(Tensor<T> z, Tensor<T> a, Tensor<T> gradientOfOutput) where T : unmanaged, IFloatingPointIeee754<T>;

    /// <summary>Identity: a = z, the linear output of regression networks.</summary>
    public static Activation Identity { get; } = new Identity();

    /// <summary>Logistic sigmoid: a = 1/(1+e^-z).</summary>
    public static Activation Sigmoid { get; } = new Sigmoid();

    /// <summary>Hyperbolic tangent.</summary>
    public static Activation Tanh { get; } = new Tanh();

    /// <summary>Rectified linear unit: a = max(0, z).</summary>
    public static Activation Relu { get; } = new Relu();

    /// <summary>Leaky ReLU with PyTorch's default slope 0.01: a = z for z &gt; 0, else 0.01·z.</summary>
    public static Activation LeakyRelu { get; } = new LeakyRelu();

    /// <summary>Leaky ReLU with the negative slope <paramref name="slope"/> (a finite number).</summary>
    public static Activation LeakyReluWithSlope(double slope) => new LeakyRelu(slope);

    /// <summary>ELU with α = 1: a = z for z &gt; 0, else e^z - 1.</summary>
    public static Activation Elu { get; } = new Elu();

    /// <summary>ELU with the given α (a finite number): a = z for z &gt; 0, else α(e^z - 1).</summary>
    public static Activation EluWithAlpha(double alpha) => new Elu(alpha);

    /// <summary>Softplus: a = log(1 + e^z), computed without overflow.</summary>
    public static Activation Softplus { get; } = new Softplus();

    /// <summary>GELU in its exact erf form: a = z·Φ(z).</summary>
    public static Activation Gelu { get; } = new Gelu();

    /// <summary>Row-wise softmax, for the output layer of a classifier trained with softmax cross-entropy.</summary>
    public static Activation Softmax { get; } = new Softmax();

    /// <summary>A user-defined element-wise activation with its derivative, evaluated in double (float elements are widened, and the results rounded back).</summary>
    /// <param name="name">Name shown in reports.</param>
    /// <param name="function">f(z).</param>
    /// <param name="derivative">f'(z).</param>
    public static Activation Custom(string name, Func<double, double> function, Func<double, double> derivative) =>
        new CustomActivation(name, function, derivative);
}

/// <summary>
/// An activation applied element by element, defined by f(z) and f'(z) (given z and a = f(z), so that
/// functions like sigmoid can reuse their value).
/// </summary>
public abstract record ElementwiseActivation : Activation
{
    private protected ElementwiseActivation() { }

    /// <summary>f(z) for one element.</summary>
    public abstract T Value<T>(T z) where T : unmanaged, IFloatingPointIeee754<T>;

    /// <summary>f'(z) for one element, given z and a = f(z).</summary>
    public abstract T Derivative<T>(T z, T a) where T : unmanaged, IFloatingPointIeee754<T>;

    /// <inheritdoc />
    public sealed override Tensor<T> Apply<T>(Tensor<T> z)
    {
        var a = GC.AllocateUninitializedArray<T>(z.Length);
        Apply(z.Span, a);
        return Tensor<T>.Own(z.Rows, z.Columns, a);
    }

    /// <summary>a = f(z) element by element into a buffer the caller owns; <paramref name="a"/> may be <paramref name="z"/>'s memory.</summary>
    internal virtual void Apply<T>(ReadOnlySpan<T> z, Span<T> a) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (var i = 0; i < z.Length; i++) a[i] = Value(z[i]);
    }

    /// <summary>
    /// result = upstream ⊙ f'(z) element by element into a buffer the caller owns; <paramref name="result"/>
    /// may be <paramref name="upstream"/>'s memory.
    /// </summary>
    internal virtual void Backward<T>(ReadOnlySpan<T> z, ReadOnlySpan<T> a, ReadOnlySpan<T> upstream, Span<T> result) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (var i = 0; i < z.Length; i++) result[i] = upstream[i] * Derivative(z[i], a[i]);
    }

    /// <summary>f'(z) for every element.</summary>
    public Tensor<T> Derivative<T>(Tensor<T> z, Tensor<T> a) where T : unmanaged, IFloatingPointIeee754<T> => z.Zip(a, Derivative<T>);

    /// <inheritdoc />
    public sealed override Tensor<T> Backward<T>(Tensor<T> z, Tensor<T> a, Tensor<T> gradientOfOutput)
    {
        z.RequireSameShape(gradientOfOutput, $"{Name} backward");
        var result = GC.AllocateUninitializedArray<T>(z.Length);
        Backward(z.Span, a.Span, gradientOfOutput.Span, result);
        return Tensor<T>.Own(z.Rows, z.Columns, result);
    }
}
