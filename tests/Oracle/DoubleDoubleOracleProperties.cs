using FsCheck;
using FsCheck.Fluent;
using Functional.NN.Passes;
using Xunit;

namespace Functional.NN.Tests.Oracle;

/// <summary>
/// The library's float64 loss and gradient against an independent double-double implementation
/// (<see cref="OracleNetwork"/>), on generated small networks over every activation and every loss,
/// edges included (<see cref="OracleGenerators"/>). Finite differences (<c>BackpropagationProperties</c>)
/// stay a second, independent check.
/// <para>Tolerance: each number may differ from the double-double value by at most twice the bound of a
/// first-order running error analysis of its float64 formula (<see cref="Tracked"/>): n·u·Σ|terms| for every
/// sum of n products, u per rounding, the condition of each activation (|f'(z)|·e(z), and for derivatives
/// computed from a = f(z) the error of a), a few ulps for each library routine. For a well-conditioned
/// entry this is a few ulps of the entry; where terms cancel, or where e^z carries the relative error |z|·u
/// of z, the bound grows exactly as the float64 error can. A wrong formula (a dropped factor, a wrong
/// sign, the wrong side of a kink) misses it by many orders of magnitude.</para>
/// </summary>
public sealed class DoubleDoubleOracleProperties
{
    /// <summary>The factor over the first-order bound that covers its neglected second-order terms.</summary>
    private const double Slack = 2.0;

    public static TheoryData<string> Losses() => new(OracleGenerators.Losses);

    public static TheoryData<string> Activations() => new(OracleGenerators.Elementwise.Select(a => $"{a.Name}:{a.Parameter}"));

    [Theory, MemberData(nameof(Losses))]
    public void Gradient_of_every_loss_agrees_with_the_double_double_oracle(string loss) =>
        Prop.ForAll(Arb.From(OracleGenerators.Cases(loss, OracleGenerators.Elementwise)), Agrees).QuickCheckThrowOnFailure();

    [Theory, MemberData(nameof(Activations))]
    public void Gradient_through_every_hidden_activation_agrees_with_the_double_double_oracle(string activation)
    {
        var hidden = OracleGenerators.Elementwise.Where(a => $"{a.Name}:{a.Parameter}" == activation).ToArray();
        var cases =
            from loss in Gen.Elements(OracleGenerators.Losses.AsEnumerable())
            from c in OracleGenerators.Cases(loss, hidden)
            select c;
        Prop.ForAll(Arb.From(cases.Where(c => c.Layers.Count > 1)), Agrees).QuickCheckThrowOnFailure();
    }

    /// <summary>Loss and every weight and bias gradient within <see cref="Slack"/> times their bound.</summary>
    internal static void Agrees(OracleCase c)
    {
        var library = Backpropagation.ValueAndGradient(c.Network, c.Parameters, c.Batch);
        var oracle = OracleNetwork.ValueAndGradient(c.Layers, c.Loss, c.Inputs, c.Targets);
        Compare(library.Value, oracle.Loss, "loss", c);
        for (var l = 0; l < c.Layers.Count; l++)
        for (var i = 0; i < c.Layers[l].Units; i++)
        {
            Compare(library.Gradients[l].Bias[0, i], oracle.Bias[l][i], $"dL/db[{l}][{i}]", c);
            for (var k = 0; k < c.Layers[l].Weights[i].Length; k++)
                Compare(library.Gradients[l].Weights[i, k], oracle.Weights[l][i][k], $"dL/dW[{l}][{i},{k}]", c);
        }
    }

    private static void Compare(double computed, Tracked exact, string what, OracleCase c)
    {
        var limit = Slack * exact.Error;
        var difference = Math.Abs(computed - exact.Value.ToDouble());
        // A bound that is itself not finite (an overflow in the oracle) says nothing: such cases are not judged.
        if (!double.IsFinite(limit) || !double.IsFinite(exact.Value.ToDouble())) return;
        if (!(difference <= limit))
            throw new Xunit.Sdk.XunitException(
                $"{what}: library {computed:R}, double-double {exact.Value}, |difference| {difference:E3} > {Slack}·bound {limit:E3} " +
                $"({difference / Math.Max(Math.Abs(exact.Value.ToDouble()) * Tracked.U * 2, double.Epsilon):E2} ulps); case {c}");
    }
}
