using Functional.NN.Activations;
using Functional.NN.Losses;
using Functional.NN.Optimizers;
using Xunit;

namespace Functional.NN.Tests.Optimizers;

/// <summary>
/// The names that reports, experiment files and checkpoints carry: every named optimizer and every
/// transformation with its hyper-parameters in round-trip form, and every activation and loss by the name
/// of the reference cases.
/// </summary>
public sealed class OptimizerNameTests
{
    public static TheoryData<string, GradientTransformation> Optimizers() => new()
    {
        { "sgd(lr=0.5)", Optimizer.Sgd(0.5) },
        { "sgd_momentum(lr=0.1, momentum=0.9, nesterov=false)", Optimizer.SgdMomentum(0.1) },
        { "sgd_momentum(lr=0.1, momentum=0.8, nesterov=true)", Optimizer.SgdMomentum(0.1, 0.8, nesterov: true) },
        { "adam(lr=0.01, b1=0.9, b2=0.999, eps=1E-08)", Optimizer.Adam(0.01) },
        { "adam(lr=0.002, b1=0.5, b2=0.75, eps=0.001)", Optimizer.Adam(0.002, 0.5, 0.75, 1e-3) },
        { "adamw(lr=0.01, b1=0.8, b2=0.9, eps=1E-06, weight_decay=0.1)", Optimizer.AdamW(0.01, 0.8, 0.9, 1e-6, 0.1) },
        { "rmsprop(lr=0.01, alpha=0.99, eps=1E-08)", Optimizer.RmsProp(0.01) },
        { "rmsprop(lr=0.3, alpha=0.5, eps=0.25)", Optimizer.RmsProp(0.3, 0.5, 0.25) },
    };

    public static TheoryData<string, GradientTransformation> Transforms() => new()
    {
        { "identity", Transform.Identity() },
        { "set_to_zero", Transform.SetToZero() },
        { "scale_by_learning_rate(0.25)", Transform.ScaleByLearningRate(0.25) },
        { "scale_by_momentum(momentum=0.5, nesterov=false)", Transform.ScaleByMomentum(0.5) },
        { "scale_by_momentum(momentum=0.5, nesterov=true)", Transform.ScaleByMomentum(0.5, nesterov: true) },
        { "scale_by_adam(b1=0.1, b2=0.2, eps=0.3)", Transform.ScaleByAdam(0.1, 0.2, 0.3) },
        { "scale_by_rms(alpha=0.9, eps=0.125)", Transform.ScaleByRms(0.9, 0.125) },
        { "add_decayed_weights(weight_decay=0.0625)", Transform.AddDecayedWeights(0.0625) },
        { "clip_by_global_norm(max_norm=2.5)", Transform.ClipByGlobalNorm(2.5) },
        { "chain(identity, set_to_zero)", Transform.Chain(Transform.Identity(), Transform.SetToZero()) },
        { "masked(set_to_zero, mask=[- b] [- b])", Transform.Freeze(ParameterMask.Biases(TutorialExample.Network)) },
    };

    [Theory, MemberData(nameof(Optimizers))]
    public void Every_optimizer_is_named_with_its_hyper_parameters(string name, GradientTransformation optimizer)
    {
        Assert.Equal(name, optimizer.Name);
        Assert.Equal(name, optimizer.ToString());
    }

    [Theory, MemberData(nameof(Transforms))]
    public void Every_transformation_is_named_with_its_hyper_parameters(string name, GradientTransformation transformation) =>
        Assert.Equal(name, transformation.Name);

    [Fact]
    public void Every_activation_has_the_name_of_the_reference_cases()
    {
        Assert.Equal(
            ["identity", "sigmoid", "tanh", "relu", "leaky_relu", "elu", "softplus", "gelu", "softmax"],
            ActivationCatalog.BuiltIn.Select(a => a.Name));
        Assert.Equal("leaky_relu", Activation.LeakyReluWithSlope(0.2).Name);
        Assert.Equal("elu", Activation.EluWithAlpha(0.5).Name);
        Assert.Equal("swish", Activation.Custom("swish", z => z, _ => 1).Name);
        var unknown = Model.ValidationMessage.Of(ActivationCatalog.FromName("selu"));
        Assert.Equal("unknown activation 'selu'; known: identity, sigmoid, tanh, relu, leaky_relu, elu, softplus, gelu, softmax", unknown);
    }

    [Fact]
    public void Every_loss_has_the_name_of_the_reference_cases()
    {
        Assert.Equal(["half_sse", "mse", "bce", "bce_logits", "softmax_ce"], LossCatalog.BuiltIn.Select(l => l.Name));
        Assert.Equal("huber", Loss.Custom("huber", (_, _) => 0, (a, _) => a).Name);
        var unknown = Model.ValidationMessage.Of(LossCatalog.FromName("nll"));
        Assert.Equal("unknown loss 'nll'; known: half_sse, mse, bce, bce_logits, softmax_ce", unknown);
    }
}
