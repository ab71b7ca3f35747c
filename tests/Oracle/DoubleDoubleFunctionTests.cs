using System.Text.Json;
using Xunit;

namespace Functional.NN.Tests.Oracle;

/// <summary>
/// The oracle's own arithmetic against mpmath at 60 digits (<c>double-double-reference.json</c>, written by
/// <c>generate_double_double_reference.py</c>): every function to 2^-96 relative (double-double carries 106
/// bits; up to ten are lost in the reductions and the cancellations of log near 1 and of 1 - erf), 2^43 times
/// finer than float64, and the error-free transformations exactly.
/// </summary>
public sealed class DoubleDoubleFunctionTests
{
    private sealed record Reference(string Function, double X, double Hi, double Lo);

    private static readonly IReadOnlyList<Reference> References = Load();

    public static TheoryData<string, double> Cases()
    {
        var data = new TheoryData<string, double>();
        foreach (var r in References) data.Add(r.Function, r.X);
        return data;
    }

    [Theory, MemberData(nameof(Cases))]
    public void Function_agrees_with_mpmath_to_96_bits(string function, double x)
    {
        var reference = References.Single(r => r.Function == function && r.X.Equals(x));
        var computed = Evaluate(function, x);
        var exact = new DoubleDouble(reference.Hi, reference.Lo);
        if (Math.Abs(reference.Hi) < 1e-290)
        {
            // Near the bottom of the exponent range lo is below the subnormals: only hi is meaningful.
            Assert.Equal(reference.Hi, computed.Hi);
            return;
        }
        var error = DoubleDouble.Abs(computed - exact).Hi;
        Assert.True(error <= Math.ScaleB(Math.Abs(reference.Hi), -96),
            $"{function}({x:R}) = {computed}, mpmath {exact}, error {error:E3}");
    }

    [Fact]
    public void Two_sum_and_two_prod_are_exact()
    {
        var (s, e) = DoubleDouble.TwoSum(1.0, 1e-17);
        Assert.Equal((1.0, 1e-17), (s, e));
        var (p, f) = DoubleDouble.TwoProd(1.0 + Math.ScaleB(1, -30), 1.0 + Math.ScaleB(1, -30));
        Assert.Equal(1.0 + Math.ScaleB(1, -29), p);
        Assert.Equal(Math.ScaleB(1, -60), f);
    }

    [Fact]
    public void Division_and_square_root_invert_multiplication()
    {
        var third = DoubleDouble.One / 3.0;
        Assert.True(Math.Abs((third * 3.0 - 1.0).Hi) <= 1e-31);
        var root2 = DoubleDouble.Sqrt(2.0);
        Assert.True(Math.Abs((root2 * root2 - 2.0).Hi) <= 1e-31);
    }

    private static DoubleDouble Evaluate(string function, double x) => function switch
    {
        "exp" => DoubleDoubleFunctions.Exp(x),
        "expm1" => DoubleDoubleFunctions.Expm1(x),
        "log" => DoubleDoubleFunctions.Log(x),
        "log1p" => DoubleDoubleFunctions.Log1p(x),
        "tanh" => DoubleDoubleFunctions.Tanh(x),
        "logistic" => DoubleDoubleFunctions.Logistic(x),
        "normal_cdf" => DoubleDoubleFunctions.NormalCdf(x),
        "normal_density" => DoubleDoubleFunctions.NormalDensity(x),
        _ => throw new ArgumentException($"no double-double function '{function}'"),
    };

    private static IReadOnlyList<Reference> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Oracle", "double-double-reference.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("cases").EnumerateArray()
            .Select(c => new Reference(c.GetProperty("function").GetString()!, c.GetProperty("x").GetDouble(),
                c.GetProperty("hi").GetDouble(), c.GetProperty("lo").GetDouble()))
            .ToList();
    }
}
