using static Functional.NN.Tests.Oracle.DoubleDoubleFunctions;

namespace Functional.NN.Tests.Oracle;

/// <summary>
/// Every activation written again for the oracle, from its textbook formula and PyTorch's convention at
/// the kink (f'(0) = 0 for relu, the slope for leaky_relu, α for elu), in double-double with the error
/// bound of the float64 formula the library documents (derivatives of sigmoid and tanh from a = f(z),
/// as in the tutorial). Where the float64 z could lie on the other side of a kink (|z| ≤ e(z)) the
/// derivative is uncertain by the jump, and its bound says so.
/// <para>The ulps granted to a library routine: 1 for Math.Exp/Log/Tanh (correctly rounded to within an
/// ulp on .NET), 4 for compositions of a few of them (sigmoid, softplus, Kahan's expm1), 16 for GELU, whose
/// Φ comes from MathNet's erfc (rational approximations good to about 1e-15 relative).</para>
/// </summary>
public sealed record OracleActivation(string Name, double Parameter = 0.0)
{
    /// <summary>a = f(z) and its bound.</summary>
    public Tracked Value(Tracked z)
    {
        var x = z.Value;
        return Name switch
        {
            "identity" => z,
            "sigmoid" => Tracked.Function(Logistic(x), Logistic(x).ToDouble() * (1 - Logistic(x).ToDouble()), z, 4),
            "tanh" => Tracked.Function(Tanh(x), 1 - Square(Tanh(x).ToDouble()), z, 1),
            "relu" => new(x.Hi > 0 ? x : DoubleDouble.Zero, z.Error),
            "leaky_relu" => Tracked.Rounded(x.Hi > 0 ? x : x * Parameter, (1 + Math.Abs(Parameter)) * z.Error),
            "elu" => Tracked.Function(x.Hi > 0 ? x : Expm1(x) * Parameter, 1 + Math.Abs(Parameter), z, 5),
            "softplus" => Tracked.Function(Softplus(x), Logistic(x).ToDouble(), z, 4),
            "gelu" => Tracked.Function(x * NormalCdf(x), GeluSlopeBound(x), z, 16),
            _ => throw new ArgumentException($"the oracle has no element-wise activation '{Name}'"),
        };
    }

    /// <summary>f'(z) and its bound, for the float64 rule the library documents.</summary>
    public Tracked Derivative(Tracked z, Tracked a)
    {
        var x = z.Value;
        var kinkUncertain = x.Hi == 0 ? z.Error > 0 : Math.Abs(x.ToDouble()) <= z.Error;
        Tracked Piecewise(double positive, Tracked nonPositive) =>
            kinkUncertain
                ? new(x.Hi > 0 ? positive : nonPositive.Value, Math.Abs(positive - nonPositive.Value.ToDouble()) + nonPositive.Error)
                : x.Hi > 0 ? Tracked.Exact(positive) : nonPositive;
        return Name switch
        {
            "identity" => Tracked.Exact(1.0),
            "sigmoid" => a * (Tracked.Exact(1.0) - a),
            "tanh" => Tracked.Exact(1.0) - a * a,
            "relu" => Piecewise(1.0, Tracked.Exact(0.0)),
            "leaky_relu" => Piecewise(1.0, Tracked.Exact(Parameter)),
            "elu" => Piecewise(1.0, Tracked.Function(Exp(x) * Parameter, Parameter * Exp(x).ToDouble(), z, 2)),
            "softplus" => Tracked.Function(Logistic(x), Logistic(x).ToDouble() * (1 - Logistic(x).ToDouble()), z, 4),
            "gelu" => GeluDerivative(z),
            _ => throw new ArgumentException($"the oracle has no element-wise activation '{Name}'"),
        };
    }

    /// <summary>Row-wise softmax: a_j = e^(z_j - max)/Σ_k e^(z_k - max).</summary>
    public static Tracked[] Softmax(IReadOnlyList<Tracked> z)
    {
        var top = z.Select(t => t.Value).Aggregate(DoubleDouble.Max);
        var worst = z.Max(t => t.Error);
        var exps = z.Select(t =>
        {
            var shifted = Tracked.Rounded(t.Value - top, t.Error + worst);
            return Tracked.Function(Exp(shifted.Value), Exp(shifted.Value).ToDouble(), shifted, 1);
        }).ToArray();
        var sum = Tracked.Dot(exps, Enumerable.Repeat(Tracked.Exact(1.0), exps.Length).ToArray());
        return exps.Select(e => e / sum).ToArray();
    }

    /// <summary>The vector-Jacobian product of softmax: r_j = a_j (g_j - Σ_k a_k g_k).</summary>
    public static Tracked[] SoftmaxBackward(IReadOnlyList<Tracked> a, IReadOnlyList<Tracked> g)
    {
        var dot = Tracked.Dot(a, g);
        return a.Select((aj, j) => aj * (g[j] - dot)).ToArray();
    }

    /// <summary>f'(z) = Φ(z) + zφ(z), rounded relative to |Φ| + |zφ| (the two terms cancel near z ≈ -0.75); f'' = φ(z)(2 - z²).</summary>
    private static Tracked GeluDerivative(Tracked z)
    {
        var cdf = NormalCdf(z.Value);
        var zDensity = z.Value * NormalDensity(z.Value);
        var x = z.Value.ToDouble();
        var second = NormalDensity(z.Value).ToDouble() * (2 - x * x);
        return new(cdf + zDensity, Math.Abs(second) * z.Error + 16 * Tracked.U * (Math.Abs(cdf.ToDouble()) + Math.Abs(zDensity.ToDouble())) + Tracked.Eta);
    }

    /// <summary>|Φ(z)| + |zφ(z)| ≥ |f'(z)|: the sensitivity of z·Φ(z) to an error in z.</summary>
    private static double GeluSlopeBound(DoubleDouble z) =>
        NormalCdf(z).ToDouble() + Math.Abs((z * NormalDensity(z)).ToDouble());

    private static DoubleDouble Softplus(DoubleDouble x) => DoubleDouble.Max(x, DoubleDouble.Zero) + Log1p(Exp(-DoubleDouble.Abs(x)));

    private static double Square(double x) => x * x;
}
