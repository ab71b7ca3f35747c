using FsCheck;
using Functional.NN.Activations;
using Functional.NN.Losses;
using Functional.NN.Model;
using Functional.NN.Tensors;
using Xunit;

namespace Functional.NN.Tests.Testing;

/// <summary>The gradient-testing kit passes right derivatives and catches wrong ones with a replayable, shrunk counterexample.</summary>
public sealed class GradientKitTests
{
    private static readonly Activation Swish =
        Activation.Custom("swish", z => z / (1 + Math.Exp(-z)), z => { var s = 1 / (1 + Math.Exp(-z)); return s + z * s * (1 - s); });

    private static readonly Activation WrongSwish =
        Activation.Custom("wrong_swish", z => z / (1 + Math.Exp(-z)), z => 1 / (1 + Math.Exp(-z)));

    private static readonly Loss QuarticLoss = Loss.Custom("quartic",
        (y, t) => y.Zip(t, (a, b) => Math.Pow(a - b, 4)).Span.ToArray().Sum() / y.Rows,
        (y, t) => y.Zip(t, (a, b) => 4 * Math.Pow(a - b, 3) / y.Rows));

    private static readonly Loss WrongQuarticLoss = Loss.Custom("wrong_quartic",
        (y, t) => y.Zip(t, (a, b) => Math.Pow(a - b, 4)).Span.ToArray().Sum() / y.Rows,
        (y, t) => y.Zip(t, (a, b) => 3 * Math.Pow(a - b, 3) / y.Rows));

    [Fact]
    public void A_right_custom_derivative_passes() => GradientAssert.ActivationDerivativeIsCorrect(Swish);

    [Fact]
    public void The_properties_are_plain_fsCheck_properties() =>
        GradientProperties.ForActivation(Swish).QuickCheckThrowOnFailure();

    [Fact]
    public void A_wrong_custom_derivative_fails_with_a_shrunk_counterexample_and_a_replay_seed()
    {
        var failure = Assert.Throws<GradientAssertionException>(() => GradientAssert.ActivationDerivativeIsCorrect(WrongSwish));
        Assert.Contains("activation 'wrong_swish': the derivative disagrees", failure.Message);
        Assert.Contains("Falsifiable", failure.Message);
        Assert.Contains("Replay this run with new GradientKitOptions(Replay: (", failure.Message);
        Assert.Contains("worst at z[", failure.Message);
        Assert.Contains("Tensor[1 x 1]", failure.Message);
    }

    [Fact]
    public void The_replay_seed_reproduces_the_same_failure()
    {
        var first = Assert.Throws<GradientAssertionException>(() => GradientAssert.ActivationDerivativeIsCorrect(WrongSwish));
        var seed = System.Text.RegularExpressions.Regex.Match(first.Message, @"Replay: \((\d+), (\d+)\)");
        var options = new GradientKitOptions(Replay: (ulong.Parse(seed.Groups[1].Value), ulong.Parse(seed.Groups[2].Value)));
        var again = Assert.Throws<GradientAssertionException>(() => GradientAssert.ActivationDerivativeIsCorrect(WrongSwish, options));
        Assert.Equal(Counterexample(first.Message), Counterexample(again.Message));

        static string Counterexample(string message) => message[message.IndexOf("Shrunk", StringComparison.Ordinal)..];
    }

    [Fact]
    public void A_right_custom_loss_passes_and_a_wrong_one_fails()
    {
        GradientAssert.LossGradientIsCorrect(QuarticLoss, Activation.Identity, new GradientKitOptions(Bound: 2));
        Assert.Throws<GradientAssertionException>(() => GradientAssert.LossGradientIsCorrect(WrongQuarticLoss, Activation.Identity, new GradientKitOptions(Bound: 2)));
    }

    [Fact]
    public void Whole_networks_with_custom_parts_are_checked()
    {
        var right = Network.Create(3, QuarticLoss, (4, Swish), (2, Activation.Tanh)).ThrowIfFail();
        GradientAssert.NetworkGradientIsCorrect(right, new GradientKitOptions(MaxTest: 30));
        var wrong = Network.Create(3, Loss.MeanSquaredError, (4, WrongSwish), (2, Activation.Identity)).ThrowIfFail();
        var failure = Assert.Throws<GradientAssertionException>(() => GradientAssert.NetworkGradientIsCorrect(wrong, new GradientKitOptions(MaxTest: 30)));
        Assert.Matches(@"worst at layer 1 (W|b)\[", failure.Message);
    }

    [Fact]
    public void Pre_activation_shrinks_are_smaller_or_rounder()
    {
        var z = Tensor.FromRows([[1.234, -2.5], [0.75, 3.1]]).ThrowIfFail();
        var shrinks = PreActivations.Shrink(z).ToList();
        Assert.Contains(shrinks, s => s.Rows == 1 && s.Columns == 2);
        Assert.Contains(shrinks, s => s.Rows == 2 && s.Columns == 1);
        Assert.All(PreActivations.Shrink(z, minAbs: 0.5), s => Assert.All(s.Span.ToArray(), x => Assert.True(Math.Abs(x) >= 0.5)));
    }
}
