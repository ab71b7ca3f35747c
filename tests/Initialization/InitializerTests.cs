using Functional.NN.Activations;
using Functional.NN.Initialization;
using Functional.NN.Losses;
using Functional.NN.Model;
using Functional.NN.Randomness;
using Functional.NN.Tensors;
using Xunit;

namespace Functional.NN.Tests.Initialization;

/// <summary>
/// Initializers: values pinned to the python reference of <see cref="Randomness.RandomKeyTests"/>, determinism,
/// per-layer keys, the variance of each rule on large layers, and value equality.
/// </summary>
public sealed class InitializerTests
{
    private static Network Net(params int[] sizes) =>
        Network.Create(sizes[0], sizes.Skip(1).Select(n => new LayerSpec(n, Activation.Relu)), Loss.MeanSquaredError).ThrowIfFail();

    /// <summary>
    /// Network 3-2-1, seed 42. With the python functions of RandomKeyTests:
    /// <code>
    /// wk = fold(fold(42, 0), 0); a = math.sqrt(6.0 / (3 + 2))
    /// [-a + (a - -a) * uniform(wk, e) for e in range(6)]          # layer 1 W, row-major
    /// bk = fold(fold(42, 0), 1); [-0.5 + 1.0 * uniform(bk, e) for e in range(2)]   # layer 1 b
    /// wk2 = fold(fold(42, 1), 0); [math.sqrt(2.0) / math.sqrt(2) * normal(wk2, e) for e in range(2)]  # layer 2 W, He normal
    /// </code>
    /// </summary>
    [Fact]
    public void Seed_42_values_match_the_python_reference()
    {
        var key = RandomKey.FromSeed(42);
        var xavier = Initializer.XavierUniform.Initialize(Net(3, 2, 1), key, Initializer.Uniform(-0.5, 0.5));
        Assert.Equal(
            [-0.6736700053253228, -1.0013796811381028, 0.09731748439456944, 0.5463578664548661, -0.09309260826802834, -0.5506338502066679],
            xavier[0].Weights.ToArray());
        Assert.Equal([-0.23081719130896572, 0.3650778876214482], xavier[0].Bias.ToArray());

        var he = Initializer.HeNormal.Initialize(Net(3, 2, 1), key);
        double[] expected = [0.10415511080527536, 1.279446681907877];
        for (var i = 0; i < 2; i++)
            Assert.True(Math.Abs(he[1].Weights[0, i] - expected[i]) <= 4e-16 * Math.Abs(expected[i]),
                $"he W2[0,{i}]: expected {expected[i]:R}, got {he[1].Weights[0, i]:R}");
        Assert.Equal(Tensor.Zeros(1, 1), he[1].Bias);
    }

    [Fact]
    public void Same_key_same_parameters_other_key_other_parameters()
    {
        var net = Net(4, 6, 3);
        foreach (var init in AllRandom)
        {
            var a = init.Initialize(net, RandomKey.FromSeed(5));
            Assert.Equal(a, init.Initialize(net, RandomKey.FromSeed(5)));
            Assert.Equal(a.ContentHash(), init.Initialize(net, RandomKey.FromSeed(5)).ContentHash());
            Assert.NotEqual(a, init.Initialize(net, RandomKey.FromSeed(6)));
            Assert.True(a.Fits(net), $"{init.Name}: {a.Describe()}");
        }
    }

    [Fact]
    public void A_layers_numbers_do_not_depend_on_other_layers()
    {
        var key = RandomKey.FromSeed(11);
        foreach (var init in AllRandom)
        {
            var narrow = init.Initialize(Net(4, 5, 3, 2), key, Initializer.Normal(0, 1));
            var wide = init.Initialize(Net(4, 5, 9, 2), key, Initializer.Normal(0, 1));
            var deeper = init.Initialize(Net(4, 5, 3, 2, 8), key, Initializer.Normal(0, 1));
            Assert.Equal(narrow[0], wide[0]);
            Assert.Equal(narrow[0], deeper[0]);
            Assert.Equal(narrow[1], deeper[1]);
            Assert.Equal(narrow[2], deeper[2]);
        }
    }

    public static TheoryData<string, double> Variances => new()
    {
        { "xavier_uniform", 2.0 / (400 + 300) },
        { "xavier_normal", 2.0 / (400 + 300) },
        { "he_uniform", 2.0 / 400 },
        { "he_normal", 2.0 / 400 },
        { "lecun_uniform", 1.0 / 400 },
        { "lecun_normal", 1.0 / 400 },
    };

    /// <summary>On a 400-input, 300-unit layer (120 000 weights) the sample mean and variance are within 5 standard errors.</summary>
    [Theory]
    [MemberData(nameof(Variances))]
    public void Variance_scaling_rules_have_their_variance(string name, double variance)
    {
        var init = AllRandom.Single(i => i.Name == name);
        var w = init.Initialize(Net(400, 300), RandomKey.FromSeed(3))[0].Weights.ToArray();
        var n = w.Length;
        var mean = w.Average();
        var sampleVariance = w.Select(x => (x - mean) * (x - mean)).Sum() / (n - 1);
        // sd of the sample variance: √(2/n)·σ² for a normal, √(0.8/n)·σ² for a uniform.
        Assert.InRange(mean, -5 * Math.Sqrt(variance / n), 5 * Math.Sqrt(variance / n));
        Assert.InRange(sampleVariance / variance, 1 - 5 * Math.Sqrt(2.0 / n), 1 + 5 * Math.Sqrt(2.0 / n));
        if (name.EndsWith("uniform"))
        {
            var limit = Math.Sqrt(3 * variance);
            Assert.All(w, x => Assert.InRange(x, -limit, limit));
            Assert.True(w.Max() > 0.99 * limit && w.Min() < -0.99 * limit);
        }
    }

    [Fact]
    public void Plain_distributions_and_constants()
    {
        var net = Net(50, 200);
        var uniform = Initializer.Uniform(2, 3).Initialize(net, RandomKey.FromSeed(1))[0].Weights.ToArray();
        Assert.All(uniform, x => Assert.InRange(x, 2.0, 3.0));
        Assert.InRange(uniform.Average(), 2.49, 2.51);
        var normal = Initializer.Normal(-1, 0.1).Initialize(net, RandomKey.FromSeed(1))[0].Weights.ToArray();
        Assert.InRange(normal.Average(), -1.002, -0.998);
        Assert.InRange(Math.Sqrt(normal.Select(x => (x + 1) * (x + 1)).Average()), 0.098, 0.102);
        var constant = Initializer.Constant(0.25).Initialize(net, RandomKey.FromSeed(1), Initializer.Constant(-1));
        Assert.Equal(Tensor.Filled(200, 50, 0.25), constant[0].Weights);
        Assert.Equal(Tensor.Filled(1, 200, -1), constant[0].Bias);
        Assert.Equal(Parameters.Zeros(net), Initializer.Zeros.Initialize(net, RandomKey.FromSeed(1)));
    }

    [Fact]
    public void Biases_are_zero_unless_chosen()
    {
        var net = Net(3, 4, 2);
        var p = Initializer.XavierUniform.Initialize(net, RandomKey.FromSeed(8));
        Assert.All(p.Layers, l => Assert.Equal(Tensor.Zeros(1, l.Outputs), l.Bias));
        var q = Initializer.XavierUniform.Initialize(net, RandomKey.FromSeed(8), Initializer.Uniform(-0.5, 0.5));
        Assert.Equal(p[0].Weights, q[0].Weights);
        Assert.All(q.Layers, l => Assert.All(l.Bias.ToArray(), b => Assert.InRange(b, -0.5, 0.5)));
    }

    [Fact]
    public void Initializers_compare_by_value_and_reject_bad_hyper_parameters()
    {
        Assert.Equal(Initializer.XavierUniform, new XavierUniform(1.0));
        Assert.Equal(Initializer.HeNormal, new HeNormal(Math.Sqrt(2)));
        Assert.NotEqual(Initializer.HeNormal, new HeNormal(1.0));
        Assert.Equal(Initializer.Uniform(-0.5, 0.5), new Uniform(-0.5, 0.5));
        Assert.NotEqual(Initializer.Uniform(-0.5, 0.5), Initializer.Uniform(-0.5, 0.6));
        Assert.Equal(Initializer.Normal(0, 1).GetHashCode(), new Normal(0, 1).GetHashCode());
        Assert.Throws<ArgumentOutOfRangeException>(() => Initializer.Uniform(1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Initializer.Normal(0, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Initializer.Constant(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => new XavierNormal(-1));
    }

    private static readonly Initializer[] AllRandom =
    [
        Initializer.XavierUniform, Initializer.XavierNormal, Initializer.HeUniform, Initializer.HeNormal,
        Initializer.LeCunUniform, Initializer.LeCunNormal, Initializer.Uniform(-1, 1), Initializer.Normal(0, 1),
    ];
}
