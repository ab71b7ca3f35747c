using static Functional.NN.Tests.Oracle.DoubleDouble;

namespace Functional.NN.Tests.Oracle;

/// <summary>
/// The elementary functions the oracle needs, in double-double: exp and expm1 by argument reduction and a
/// Taylor series, log by Newton's method on exp, tanh, the logistic function, and the normal distribution
/// Φ through erfc (a positive-term series below 2.5, Laplace's continued fraction above). Every series is
/// summed until its terms fall below 2^-110 of the sum. Checked against mpmath at 50 digits by
/// <see cref="DoubleDoubleFunctionTests"/> (values from <c>generate_double_double_reference.py</c>).
/// </summary>
public static class DoubleDoubleFunctions
{
    private const double Negligible = 7.7e-34; // 2^-110

    /// <summary>e^a; 0 below -745.2 and +∞ above 709.8, as in double.</summary>
    public static DoubleDouble Exp(DoubleDouble a)
    {
        if (a.Hi > 709.8) return new(double.PositiveInfinity, 0.0);
        if (a.Hi < -745.2) return Zero;
        var k = Math.Round(a.Hi / Ln2.Hi);
        var r = a - Ln2 * k;                     // |r| ≤ ½ ln 2, up to rounding
        var s = ExpMinusOneSmall(ScaleB(r, -10)); // e^(r/1024) - 1
        for (var i = 0; i < 10; i++) s = ScaleB(s, 1) + s * s; // (1 + s)² - 1, ten times: e^r - 1
        return ScaleB(s + 1.0, (int)k);
    }

    /// <summary>e^a - 1 with its relative precision kept near 0 (no cancellation for |a| &lt; ½).</summary>
    public static DoubleDouble Expm1(DoubleDouble a)
    {
        if (Math.Abs(a.Hi) >= 0.5) return Exp(a) - 1.0;
        if (Math.Abs(a.Hi) < 1e-200) return a; // a²/2 is below 2^-600 of a; and a/1024 could fall into the subnormals
        var s = ExpMinusOneSmall(ScaleB(a, -10));
        for (var i = 0; i < 10; i++) s = ScaleB(s, 1) + s * s;
        return s;
    }

    /// <summary>Σ_(k≥1) r^k/k!, for |r| ≤ 1e-3.</summary>
    private static DoubleDouble ExpMinusOneSmall(DoubleDouble r)
    {
        var term = r;
        var sum = r;
        for (var k = 2; k < 30 && Math.Abs(term.Hi) > Negligible * Math.Abs(sum.Hi); k++)
        {
            term = term * r / k;
            sum += term;
        }
        return sum;
    }

    /// <summary>ln a for a &gt; 0: a = m·2^e with m in [1, 2), then two Newton steps x ← x + m·e^-x - 1 from the double log.</summary>
    public static DoubleDouble Log(DoubleDouble a)
    {
        if (a.Hi <= 0.0) return new(a.Hi == 0.0 ? double.NegativeInfinity : double.NaN, 0.0);
        var e = Math.ILogB(a.Hi);
        var m = ScaleB(a, -e);
        DoubleDouble x = Math.Log(m.Hi);
        for (var i = 0; i < 2; i++) x = x + m * Exp(-x) - 1.0;
        return x + Ln2 * e;
    }

    /// <summary>ln(1 + a), by its alternating series for |a| &lt; 1e-3 (so that tiny a keeps its digits).</summary>
    public static DoubleDouble Log1p(DoubleDouble a)
    {
        if (Math.Abs(a.Hi) >= 1e-3) return Log(a + 1.0);
        var power = a;
        var sum = a;
        for (var k = 2; k < 30 && Math.Abs(power.Hi) > Negligible * Math.Abs(sum.Hi); k++)
        {
            power = -power * a;
            sum += power / k;
        }
        return sum;
    }

    /// <summary>tanh a: expm1(2a)/(expm1(2a) + 2) near 0, (1 - e^-2|a|)/(1 + e^-2|a|) with the sign of a elsewhere.</summary>
    public static DoubleDouble Tanh(DoubleDouble a)
    {
        if (Math.Abs(a.Hi) < 1e-200) return a; // tanh a = a - a³/3 + ...
        if (Math.Abs(a.Hi) < 0.5)
        {
            var e = Expm1(ScaleB(a, 1));
            return e / (e + 2.0);
        }
        var d = Exp(ScaleB(-Abs(a), 1));
        var t = (1.0 - d) / (1.0 + d);
        return a.Hi < 0 ? -t : t;
    }

    /// <summary>σ(a) = 1/(1 + e^-a), written as e^a/(1 + e^a) for a &lt; 0 so that e^-a never overflows.</summary>
    public static DoubleDouble Logistic(DoubleDouble a)
    {
        if (a.Hi >= 0) return One / (1.0 + Exp(-a));
        var e = Exp(a);
        return e / (1.0 + e);
    }

    /// <summary>φ(z) = e^(-z²/2)/√(2π), the standard normal density.</summary>
    public static DoubleDouble NormalDensity(DoubleDouble z) => Exp(-ScaleB(z * z, -1)) / Sqrt(ScaleB(Pi, 1));

    /// <summary>Φ(z), the standard normal distribution function: Φ(-|z|) = ½·erfc(|z|/√2), and Φ(z) = 1 - Φ(-z) for z &gt; 0.</summary>
    public static DoubleDouble NormalCdf(DoubleDouble z)
    {
        var lower = ScaleB(Erfc(Abs(z) / Sqrt(2.0)), -1);
        return z.Hi > 0 ? 1.0 - lower : lower;
    }

    /// <summary>erfc y for y ≥ 0.</summary>
    public static DoubleDouble Erfc(DoubleDouble y)
    {
        var y2 = y * y;
        var gaussian = Exp(-y2);
        var rootPi = Sqrt(Pi);
        if (y.Hi >= 2.5)
        {
            // Laplace: erfc y = e^(-y²)/√π · 1/(y + (1/2)/(y + (2/2)/(y + (3/2)/(y + ...)))); 200 levels reach
            // 1e-40 relative at y = 2.5 and better beyond (checked with mpmath).
            var f = y;
            for (var k = 200; k >= 1; k--) f = y + (0.5 * k) / f;
            return gaussian / (rootPi * f);
        }
        // erf y = 2/√π · e^(-y²) · Σ_(n≥0) y (2y²)^n / (1·3·…·(2n+1)), every term positive.
        var term = y;
        var sum = y;
        for (var n = 1; n < 400 && term.Hi > Negligible * sum.Hi; n++)
        {
            term = term * ScaleB(y2, 1) / (2 * n + 1);
            sum += term;
        }
        return 1.0 - ScaleB(gaussian * sum, 1) / rootPi;
    }
}
