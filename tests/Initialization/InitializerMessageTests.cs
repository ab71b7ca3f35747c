using Functional.NN.Initialization;
using Xunit;

namespace Functional.NN.Tests.Initialization;

/// <summary>
/// The initializers' names as reports show them, and their refusals of bad hyper-parameters word for word:
/// the initializer, the parameter and what it must be.
/// </summary>
public sealed class InitializerMessageTests
{
    public static TheoryData<Initializer, string> Names() => new()
    {
        { Initializer.Zeros, "zeros" },
        { Initializer.Constant(0.5), "constant" },
        { Initializer.Uniform(-1, 1), "uniform" },
        { Initializer.Normal(0, 1), "normal" },
        { Initializer.XavierUniform, "xavier_uniform" },
        { Initializer.XavierNormal, "xavier_normal" },
        { Initializer.HeUniform, "he_uniform" },
        { Initializer.HeNormal, "he_normal" },
        { Initializer.LeCunUniform, "lecun_uniform" },
        { Initializer.LeCunNormal, "lecun_normal" },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_initializer_has_its_name(Initializer initializer, string name) =>
        Assert.Equal(name, initializer.Name);

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Non_finite_numbers_are_refused_by_initializer_and_parameter(double value)
    {
        Refused(() => Initializer.Constant(value), "value", "constant: value must be a finite number");
        Refused(() => Initializer.Uniform(value, 1), "low", "uniform: low must be a finite number");
        Refused(() => Initializer.Uniform(0, value), "high", "uniform: high must be a finite number");
        Refused(() => Initializer.Normal(value, 1), "mean", "normal: mean must be a finite number");
        Refused(() => Initializer.Normal(0, value), "standardDeviation", "normal: standardDeviation must be a finite number");
    }

    [Fact]
    public void Bounds_out_of_order_and_a_negative_standard_deviation_are_refused()
    {
        Refused(() => Initializer.Uniform(1, 0.5), "high", "uniform: high must be ≥ low = 1");
        Refused(() => Initializer.Normal(0, -0.25), "standardDeviation", "normal: the standard deviation must be ≥ 0");
        Assert.Equal(0.0, new Normal(3, 0).StandardDeviation);
        Assert.Equal(2.0, new Uniform(2, 2).High);
    }

    public static TheoryData<string, double> Gains() => new()
    {
        { "xavier_uniform", -1 }, { "xavier_normal", double.NaN }, { "he_uniform", double.PositiveInfinity },
        { "he_normal", -1e-300 }, { "he_normal", double.NegativeInfinity },
    };

    [Theory]
    [MemberData(nameof(Gains))]
    public void A_negative_or_non_finite_gain_is_refused_by_name(string name, double gain)
    {
        Refused(() => WithGain(name, gain), "gain", $"{name}: the gain must be a finite number ≥ 0");
        Assert.Equal(0.0, WithGain(name, 0.0) switch
        {
            XavierUniform x => x.Gain, XavierNormal x => x.Gain, HeUniform h => h.Gain, HeNormal h => h.Gain,
            _ => double.NaN,
        });
    }

    private static Initializer WithGain(string name, double gain) => name switch
    {
        "xavier_uniform" => new XavierUniform(gain),
        "xavier_normal" => new XavierNormal(gain),
        "he_uniform" => new HeUniform(gain),
        _ => new HeNormal(gain),
    };

    private static void Refused(Func<Initializer> create, string parameter, string message)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => create());
        Assert.Equal(parameter, error.ParamName);
        Assert.StartsWith(message + " (Parameter '" + parameter + "')", error.Message);
    }
}
