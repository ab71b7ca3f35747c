namespace Functional.NN.Tests.Oracle;

/// <summary>
/// A quantity of the float64 computation as the oracle sees it: its exact value (to double-double
/// precision) and a bound on how far a float64 evaluation of the same formula can be from it, by a
/// first-order running error analysis (Higham, Accuracy and Stability of Numerical Algorithms, §3.1 and
/// §3.3). Every float64 operation rounds to within u = 2^-53 relative, plus η = 2^-1075 absolute when the
/// result is subnormal; an error already in an operand is carried by the operation's partial derivatives.
/// A sum of n products gets γ_n·Σ|x_i y_i| with γ_n ≈ n·u whatever the order of summation, so the bound
/// holds for the blocked, fused multiply-add products of the library's backends.
/// </summary>
public readonly record struct Tracked(DoubleDouble Value, double Error)
{
    /// <summary>The unit roundoff of float64, 2^-53.</summary>
    public const double U = 1.1102230246251565e-16;

    /// <summary>
    /// The smallest subnormal: twice the absolute error of one rounding into the subnormal range, which covers
    /// that rounding in the library and the same one in the oracle (double-double is no more precise there).
    /// </summary>
    public const double Eta = double.Epsilon;

    /// <summary>A number the library receives exactly (a parameter, an input, a target).</summary>
    public static Tracked Exact(double x) => new(x, 0.0);

    public double Magnitude => Math.Abs(Value.ToDouble());

    /// <summary>The bound of a result that float64 rounds once more: <paramref name="carried"/> + u|result| + η.</summary>
    public static Tracked Rounded(DoubleDouble value, double carried) =>
        new(value, carried + U * Math.Abs(value.ToDouble()) + Eta);

    public static Tracked operator +(Tracked a, Tracked b) => Rounded(a.Value + b.Value, a.Error + b.Error);

    public static Tracked operator -(Tracked a, Tracked b) => Rounded(a.Value - b.Value, a.Error + b.Error);

    public static Tracked operator *(Tracked a, Tracked b) =>
        Rounded(a.Value * b.Value, b.Magnitude * a.Error + a.Magnitude * b.Error + a.Error * b.Error);

    /// <summary>a/b; the first-order bound (e_a + |a/b|·e_b)/|b| assumes e_b well below |b|.</summary>
    public static Tracked operator /(Tracked a, Tracked b)
    {
        var q = a.Value / b.Value;
        return Rounded(q, (a.Error + Math.Abs(q.ToDouble()) * b.Error) / b.Magnitude);
    }

    /// <summary>
    /// Σ x_i·y_i (+ <paramref name="offset"/>) in any order of summation, with or without fused multiply-adds:
    /// carried errors Σ(|y_i| e(x_i) + |x_i| e(y_i)) plus γ_(n+1)·Σ|x_i y_i| for the roundings (n products, n sums).
    /// </summary>
    public static Tracked Dot(IReadOnlyList<Tracked> x, IReadOnlyList<Tracked> y, Tracked? offset = null)
    {
        var sum = offset?.Value ?? DoubleDouble.Zero;
        var carried = offset?.Error ?? 0.0;
        var absolute = offset?.Magnitude ?? 0.0;
        for (var i = 0; i < x.Count; i++)
        {
            sum += x[i].Value * y[i].Value;
            carried += y[i].Magnitude * x[i].Error + x[i].Magnitude * y[i].Error + x[i].Error * y[i].Error;
            absolute += x[i].Magnitude * y[i].Magnitude;
        }
        var n = x.Count + 1;
        return new(sum, carried + n * U * absolute + 2 * n * Eta);
    }

    /// <summary>A function value f(x) of a float64 library routine accurate to <paramref name="ulps"/>·u relative, at an argument carrying e(x).</summary>
    public static Tracked Function(DoubleDouble value, double slope, Tracked argument, double ulps) =>
        new(value, Math.Abs(slope) * argument.Error + ulps * U * Math.Abs(value.ToDouble()) + Eta);
}
