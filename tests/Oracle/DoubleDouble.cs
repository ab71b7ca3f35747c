namespace Functional.NN.Tests.Oracle;

/// <summary>
/// A double-double number hi + lo with |lo| ≤ ½ ulp(hi): about 106 significant bits (32 decimal digits),
/// built only from the error-free transformations TwoSum (Knuth) and TwoProd (one fused multiply-add),
/// as in Dekker (1971) and the QD library of Hida, Li and Bailey. The oracle of the gradient tests computes
/// in it, so its rounding errors (about 2^-104 relative) are some 10^15 times below those of the float64
/// code it checks, and nothing of <c>src/Core</c> is used.
/// </summary>
public readonly record struct DoubleDouble(double Hi, double Lo)
{
    public static readonly DoubleDouble Zero = new(0.0, 0.0);
    public static readonly DoubleDouble One = new(1.0, 0.0);

    /// <summary>ln 2 to 107 bits (QD's dd_real::_log2).</summary>
    public static readonly DoubleDouble Ln2 = new(6.931471805599452862e-01, 2.319046813846299558e-17);

    /// <summary>π to 107 bits.</summary>
    public static readonly DoubleDouble Pi = new(3.141592653589793116e+00, 1.224646799147353207e-16);

    public static implicit operator DoubleDouble(double x) => new(x, 0.0);

    /// <summary>The double nearest to the number (hi + lo rounds to it, since |lo| ≤ ½ ulp(hi)).</summary>
    public double ToDouble() => Hi + Lo;

    public bool IsZero => Hi == 0.0;

    public int Sign => Math.Sign(Hi);

    /// <summary>s + e = a + b exactly, s = fl(a + b) (Knuth's TwoSum, no condition on the magnitudes).</summary>
    public static (double Sum, double Error) TwoSum(double a, double b)
    {
        var s = a + b;
        var bb = s - a;
        var e = (a - (s - bb)) + (b - bb);
        return (s, e);
    }

    /// <summary>s + e = a + b exactly when |a| ≥ |b| or a = 0 (Dekker's FastTwoSum).</summary>
    private static (double Sum, double Error) QuickTwoSum(double a, double b)
    {
        var s = a + b;
        return (s, b - (s - a));
    }

    /// <summary>p + e = a·b exactly (barring underflow), p = fl(a·b), with one fused multiply-add.</summary>
    public static (double Product, double Error) TwoProd(double a, double b)
    {
        var p = a * b;
        return (p, Math.FusedMultiplyAdd(a, b, -p));
    }

    public static DoubleDouble operator +(DoubleDouble a, DoubleDouble b)
    {
        // QD's "IEEE" addition: both the high and the low parts summed with TwoSum.
        var (s1, s2) = TwoSum(a.Hi, b.Hi);
        var (t1, t2) = TwoSum(a.Lo, b.Lo);
        if (!double.IsFinite(s1)) return new(s1, 0.0);
        s2 += t1;
        (s1, s2) = QuickTwoSum(s1, s2);
        s2 += t2;
        return Normalize(s1, s2);
    }

    public static DoubleDouble operator -(DoubleDouble a) => new(-a.Hi, -a.Lo);

    public static DoubleDouble operator -(DoubleDouble a, DoubleDouble b) => a + -b;

    public static DoubleDouble operator *(DoubleDouble a, DoubleDouble b)
    {
        var (p1, p2) = TwoProd(a.Hi, b.Hi);
        if (!double.IsFinite(p1)) return new(p1, 0.0);
        p2 += a.Hi * b.Lo + a.Lo * b.Hi;
        return Normalize(p1, p2);
    }

    public static DoubleDouble operator /(DoubleDouble a, DoubleDouble b)
    {
        // Long division in three double quotients (QD's accurate division).
        var q1 = a.Hi / b.Hi;
        if (!double.IsFinite(q1) || q1 == 0.0) return new(q1, 0.0);
        var r = a - b * q1;
        var q2 = r.Hi / b.Hi;
        r -= b * q2;
        var q3 = r.Hi / b.Hi;
        return Normalize(q1, q2) + q3;
    }

    public static bool operator <(DoubleDouble a, DoubleDouble b) => a.Hi < b.Hi || a.Hi == b.Hi && a.Lo < b.Lo;
    public static bool operator >(DoubleDouble a, DoubleDouble b) => b < a;
    public static bool operator <=(DoubleDouble a, DoubleDouble b) => !(b < a);
    public static bool operator >=(DoubleDouble a, DoubleDouble b) => !(a < b);

    public static DoubleDouble Abs(DoubleDouble a) => a.Hi < 0 || a.Hi == 0 && a.Lo < 0 ? -a : a;

    public static DoubleDouble Max(DoubleDouble a, DoubleDouble b) => a >= b ? a : b;

    /// <summary>a·2^k exactly (barring overflow and underflow).</summary>
    public static DoubleDouble ScaleB(DoubleDouble a, int k) => new(Math.ScaleB(a.Hi, k), Math.ScaleB(a.Lo, k));

    /// <summary>√a by one Newton step from the double root (Karp's method), to double-double accuracy.</summary>
    public static DoubleDouble Sqrt(DoubleDouble a)
    {
        if (a.Hi <= 0.0) return Zero;
        var x = 1.0 / Math.Sqrt(a.Hi);
        var ax = a.Hi * x;
        var correction = (a - (DoubleDouble)ax * ax).Hi * (x * 0.5);
        return (DoubleDouble)ax + correction;
    }

    private static DoubleDouble Normalize(double hi, double lo)
    {
        var (s, e) = QuickTwoSum(hi, lo);
        return new(s, e);
    }

    public override string ToString() => FormattableString.Invariant($"{Hi:R} + {Lo:R}");
}
