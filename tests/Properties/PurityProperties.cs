using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Functional.NN.Optimizers;
using Functional.NN.Passes;

namespace Functional.NN.Tests.Properties;

/// <summary>
/// The passes are pure functions: the same inputs give equal outputs, and the inputs' numbers are the
/// same afterwards (compared by <c>ContentHash</c>, which covers every bit of every number).
/// </summary>
[Properties(Arbitrary = [typeof(Arbitraries)], MaxTest = 100)]
public sealed class PurityProperties
{
    [Property]
    public Property Forward_pass_is_pure(Case c)
    {
        var before = Fingerprint(c);
        var first = ForwardPass.Run(c.Network, c.Parameters, c.Batch.Inputs);
        var second = ForwardPass.Run(c.Network, c.Parameters, c.Batch.Inputs);
        return (SameTrace(first, second).Label("two runs gave different traces"))
            .And((Fingerprint(c) == before).Label("the forward pass changed its inputs"));
    }

    [Property]
    public Property Value_and_gradient_is_pure(Case c)
    {
        var before = Fingerprint(c);
        var first = Backpropagation.ValueAndGradient(c.Network, c.Parameters, c.Batch);
        var second = Backpropagation.ValueAndGradient(c.Network, c.Parameters, c.Batch);
        return (first.Value.Equals(second.Value) && first.Gradients.ContentHash() == second.Gradients.ContentHash()
                && SameTrace(first.Forward, second.Forward)).Label("two runs gave different results")
            .And((Fingerprint(c) == before).Label("ValueAndGradient changed its inputs"));
    }

    [Property]
    public Property Update_steps_are_pure(Case c)
    {
        var before = Fingerprint(c);
        var gradients = Backpropagation.Gradient(c.Network, c.Parameters, c.Batch);
        var gradientsBefore = gradients.ContentHash();
        var standard = GradientDescentStep.Apply(c.Parameters, gradients, 0.1);
        var sgd = Optimizer.Sgd(0.1);
        var layerwise = LayerwiseBackpropagation.Step(c.Network, c.Parameters, c.Batch, sgd, sgd.Init(c.Parameters));
        return (standard.Equals(GradientDescentStep.Apply(c.Parameters, gradients, 0.1))
                && layerwise.Equals(LayerwiseBackpropagation.Step(c.Network, c.Parameters, c.Batch, sgd, sgd.Init(c.Parameters))))
            .Label("two steps from the same point differ")
            .And((Fingerprint(c) == before && gradients.ContentHash() == gradientsBefore).Label("a step changed its inputs"));
    }

    /// <summary>Every number the passes read: the network's description, parameters, inputs and targets.</summary>
    private static string Fingerprint(Case c) =>
        $"{c.Network}|{c.Parameters.ContentHash()}|{c.Batch.Inputs.ContentHash()}|{c.Batch.Targets.ContentHash()}";

    private static bool SameTrace(ForwardResult a, ForwardResult b) =>
        a.Inputs.Equals(b.Inputs) && a.Trace.SequenceEqual(b.Trace);
}
