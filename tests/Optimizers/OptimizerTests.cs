using Functional.NN.Model;
using Functional.NN.Optimizers;
using Functional.NN.Tensors;
using Xunit;

namespace Functional.NN.Tests.Optimizers;

/// <summary>Single steps worked by hand, agreement with the older <see cref="GradientDescentStep.Apply"/>, and argument checks.</summary>
public sealed class OptimizerTests
{
    private static Parameters OneWeight(double w, double b) =>
        Parameters.FromTrustedLayers([new LayerTensors(Tensor.FromArray(new[,] { { w } }), Tensor.RowVector([b]))]);

    private static Gradients OneGradient(double gw, double gb) =>
        new([new LayerTensors(Tensor.FromArray(new[,] { { gw } }), Tensor.RowVector([gb]))]);

    [Fact]
    public void Sgd_agrees_with_the_existing_Sgd_Step_bit_for_bit()
    {
        var p = OneWeight(0.3, -0.2);
        var g = OneGradient(0.7, 0.11);
        var opt = Optimizer.Sgd(0.1);
        Assert.Equal(GradientDescentStep.Apply(p, g, 0.1), opt.Step(p, g, opt.Init(p)).Parameters);
    }

    [Fact]
    public void Adam_first_step_moves_each_parameter_by_about_the_learning_rate_against_the_gradient_sign()
    {
        // t = 1: m = (1-β1) g, v = (1-β2) g², so the step is η·g/(|g| + ε·√(1-β2)/... ) ≈ η·sign(g).
        var opt = Optimizer.Adam(0.01);
        var (p, _) = opt.Step(OneWeight(1.0, 1.0), OneGradient(3.0, -0.5), opt.Init(OneWeight(1.0, 1.0)));
        Assert.Equal(0.99, p[0].Weights[0, 0], 9);
        Assert.Equal(1.01, p[0].Bias[0, 0], 9);
    }

    [Fact]
    public void Momentum_buffer_is_the_gradient_at_the_first_step_then_accumulates()
    {
        var opt = Optimizer.SgdMomentum(1.0, 0.5);
        var p0 = OneWeight(0, 0);
        var (p1, s1) = opt.Step(p0, OneGradient(1, 2), opt.Init(p0));
        var (p2, _) = opt.Step(p1, OneGradient(1, 2), s1);
        Assert.Equal(-1.0, p1[0].Weights[0, 0]);
        Assert.Equal(-1.0 - 1.5, p2[0].Weights[0, 0]);
        Assert.Equal(-2.0 - 3.0, p2[0].Bias[0, 0]);

        var nesterov = Optimizer.SgdMomentum(1.0, 0.5, nesterov: true);
        var (n1, _) = nesterov.Step(p0, OneGradient(1, 2), nesterov.Init(p0));
        Assert.Equal(-1.5, n1[0].Weights[0, 0]);
    }

    [Fact]
    public void RmsProp_first_step_divides_by_the_root_of_the_weighted_square()
    {
        var opt = Optimizer.RmsProp(0.01, alpha: 0.99, eps: 0);
        var (p, _) = opt.Step(OneWeight(0, 0), OneGradient(2, -2), opt.Init(OneWeight(0, 0)));
        Assert.Equal(-0.01 * 2 / Math.Sqrt(0.01 * 4), p[0].Weights[0, 0], 15);
        Assert.Equal(0.1, p[0].Bias[0, 0], 15);
    }

    [Fact]
    public void The_learning_rate_schedule_is_read_at_the_number_of_earlier_updates()
    {
        var opt = Optimizer.Sgd((Func<int, double>)(k => k + 1.0));
        var p = OneWeight(0, 0);
        var state = opt.Init(p);
        for (var i = 0; i < 3; i++) (p, state) = opt.Step(p, OneGradient(1, 0), state);
        Assert.Equal(-(1.0 + 2.0 + 3.0), p[0].Weights[0, 0]);
    }

    [Fact]
    public void Names_carry_the_hyper_parameters()
    {
        Assert.Equal("adamw(lr=0.001, b1=0.9, b2=0.999, eps=1E-08, weight_decay=0.01)", Optimizer.AdamW(0.001).Name);
        Assert.Equal("chain(identity, clip_by_global_norm(max_norm=1))",
            Transform.Chain(Transform.Identity(), Transform.ClipByGlobalNorm(1)).Name);
    }

    [Fact]
    public void Hyper_parameters_out_of_range_are_rejected_naming_the_value()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Optimizer.Adam(0.01, b1: 1.0));
        Assert.Contains("b1 must be in [0, 1), got 1", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Optimizer.RmsProp(0.01, alpha: -0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Optimizer.SgdMomentum(0.1, 0.0, nesterov: true));
        Assert.Throws<ArgumentOutOfRangeException>(() => Transform.ClipByGlobalNorm(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Transform.AddDecayedWeights(double.NaN));
    }

    [Fact]
    public void An_empty_chain_is_the_identity()
    {
        var p = OneWeight(1, 2);
        var g = OneGradient(3, 4);
        var chain = Transform.Chain();
        Assert.Same(g, chain.Update(g, chain.Init(p), p).Updates);
    }
}
