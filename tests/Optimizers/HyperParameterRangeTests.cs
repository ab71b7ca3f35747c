using Functional.NN.Optimizers;
using Xunit;

namespace Functional.NN.Tests.Optimizers;

/// <summary>
/// Every hyper-parameter check of the transformations, at both ends of its range: the lower end is
/// accepted, the upper end (or anything not finite) is refused with an <see cref="ArgumentOutOfRangeException"/>
/// that names the transformation, the parameter, the range and the value given.
/// </summary>
public sealed class HyperParameterRangeTests
{
    public static TheoryData<string, Func<GradientTransformation>> Accepted() => new()
    {
        { "b1 = 0", () => Transform.ScaleByAdam(b1: 0.0) },
        { "b2 = 0", () => Transform.ScaleByAdam(b2: 0.0) },
        { "eps = 0 (adam)", () => Transform.ScaleByAdam(eps: 0.0) },
        { "b1 just below 1", () => Transform.ScaleByAdam(b1: Math.BitDecrement(1.0)) },
        { "alpha = 0", () => Transform.ScaleByRms(alpha: 0.0) },
        { "eps = 0 (rms)", () => Transform.ScaleByRms(eps: 0.0) },
        { "momentum = 0", () => Transform.ScaleByMomentum(0.0) },
        { "momentum > 1", () => Transform.ScaleByMomentum(1.5) },
        { "nesterov with the smallest momentum", () => Transform.ScaleByMomentum(double.Epsilon, nesterov: true) },
        { "weight decay = 0", () => Transform.AddDecayedWeights(0.0) },
        { "the smallest max norm", () => Transform.ClipByGlobalNorm(double.Epsilon) },
    };

    public static TheoryData<string, Func<GradientTransformation>, string, string> Refused() => new()
    {
        { "b1 = 1", () => Transform.ScaleByAdam(b1: 1.0), "b1", "scale_by_adam(b1=1, b2=0.999, eps=1E-08): b1 must be in [0, 1), got 1" },
        { "b1 < 0", () => Transform.ScaleByAdam(b1: -0.5), "b1", "scale_by_adam(b1=-0.5, b2=0.999, eps=1E-08): b1 must be in [0, 1), got -0.5" },
        { "b1 NaN", () => Transform.ScaleByAdam(b1: double.NaN), "b1", "b1 must be in [0, 1), got NaN" },
        { "b2 = 1", () => Transform.ScaleByAdam(b2: 1.0), "b2", "scale_by_adam(b1=0.9, b2=1, eps=1E-08): b2 must be in [0, 1), got 1" },
        { "b2 < 0", () => Transform.ScaleByAdam(b2: -1e-300), "b2", "b2 must be in [0, 1), got -1E-300" },
        { "eps < 0 (adam)", () => Transform.ScaleByAdam(eps: -1e-8), "eps", "scale_by_adam(b1=0.9, b2=0.999, eps=-1E-08): eps must be in [0, Infinity), got -1E-08" },
        { "eps infinite (adam)", () => Transform.ScaleByAdam(eps: double.PositiveInfinity), "eps", "eps must be in [0, Infinity), got Infinity" },
        { "alpha = 1", () => Transform.ScaleByRms(alpha: 1.0), "alpha", "scale_by_rms(alpha=1, eps=1E-08): alpha must be in [0, 1), got 1" },
        { "alpha < 0", () => Transform.ScaleByRms(alpha: -0.1), "alpha", "alpha must be in [0, 1), got -0.1" },
        { "eps < 0 (rms)", () => Transform.ScaleByRms(eps: -1.0), "eps", "scale_by_rms(alpha=0.99, eps=-1): eps must be in [0, Infinity), got -1" },
        { "momentum < 0", () => Transform.ScaleByMomentum(-0.1), "momentum", "scale_by_momentum(momentum=-0.1, nesterov=false): momentum must be in [0, Infinity), got -0.1" },
        { "momentum infinite", () => Transform.ScaleByMomentum(double.PositiveInfinity), "momentum", "momentum must be in [0, Infinity), got Infinity" },
        { "nesterov without momentum", () => Transform.ScaleByMomentum(0.0, nesterov: true), "momentum", "scale_by_momentum(momentum=0, nesterov=true): Nesterov momentum needs momentum > 0" },
        { "weight decay < 0", () => Transform.AddDecayedWeights(-0.01), "weightDecay", "add_decayed_weights(weight_decay=-0.01): weightDecay must be in [0, Infinity), got -0.01" },
        { "weight decay NaN", () => Transform.AddDecayedWeights(double.NaN), "weightDecay", "weightDecay must be in [0, Infinity), got NaN" },
        { "max norm 0", () => Transform.ClipByGlobalNorm(0.0), "maxNorm", "clip_by_global_norm(max_norm=0): max_norm must be a finite number > 0" },
        { "max norm < 0", () => Transform.ClipByGlobalNorm(-1.0), "maxNorm", "clip_by_global_norm(max_norm=-1): max_norm must be a finite number > 0" },
        { "max norm infinite", () => Transform.ClipByGlobalNorm(double.PositiveInfinity), "maxNorm", "max_norm must be a finite number > 0" },
        { "max norm NaN", () => Transform.ClipByGlobalNorm(double.NaN), "maxNorm", "max_norm must be a finite number > 0" },
    };

    [Theory, MemberData(nameof(Accepted))]
    public void The_closed_end_of_each_range_is_accepted(string what, Func<GradientTransformation> build)
    {
        var transformation = build();
        Assert.False(string.IsNullOrEmpty(transformation.Name), what);
    }

    [Theory, MemberData(nameof(Refused))]
    public void Values_outside_each_range_are_refused_with_a_message(string what, Func<GradientTransformation> build, string parameter, string message)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(build);
        Assert.Equal(parameter, error.ParamName);
        Assert.True(error.Message.Contains(message, StringComparison.Ordinal), $"{what}: {error.Message}");
    }

    [Fact]
    public void The_named_optimizers_check_through_their_transformations()
    {
        Assert.Equal("b2", Assert.Throws<ArgumentOutOfRangeException>(() => Optimizer.Adam(0.1, b2: 1.0)).ParamName);
        Assert.Equal("weightDecay", Assert.Throws<ArgumentOutOfRangeException>(() => Optimizer.AdamW(0.1, weightDecay: -1)).ParamName);
        Assert.Equal("alpha", Assert.Throws<ArgumentOutOfRangeException>(() => Optimizer.RmsProp(0.1, alpha: 2)).ParamName);
        Assert.Equal("momentum", Assert.Throws<ArgumentOutOfRangeException>(() => Optimizer.SgdMomentum(0.1, -1)).ParamName);
    }
}
