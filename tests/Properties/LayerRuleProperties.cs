using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Functional.NN.Passes;
using Functional.NN.Tensors;
using Functional.NN.Verification;

namespace Functional.NN.Tests.Properties;

/// <summary>
/// Each activation's backward rule and each loss's output delta, checked on their own at the
/// pre-activations a generated network actually produces (kinks avoided by the case filter), so that a
/// wrong derivative is pinned to its activation or loss, not only to the network.
/// </summary>
[Properties(Arbitrary = [typeof(Arbitraries)], MaxTest = 100)]
public sealed class LayerRuleProperties
{
    [Property]
    public Property Every_activation_backward_rule_equals_central_differences(Case c)
    {
        var trace = ForwardPass.Run(c.Network, c.Parameters, c.Batch.Inputs).Trace;
        var failures = Enumerable.Range(0, trace.Length)
            .Select(l => (Layer: l + 1, c.Network.Layers[l].Activation,
                Report: GradientCheck.OfActivation(c.Network.Layers[l].Activation, trace[l].Z, ObjectiveTolerance(trace[l].A))))
            .Where(x => !x.Report.Passed)
            .Select(x => $"layer {x.Layer} {x.Activation.Name}: {x.Report}");
        var message = string.Join("; ", failures);
        return (message.Length == 0).Label(message);
    }

    [Property]
    public Property Loss_output_delta_equals_central_differences(Case c)
    {
        var result = ForwardPass.Run(c.Network, c.Parameters, c.Batch.Inputs);
        var loss = c.Network.Loss.Value(result.Logits, result.Output, c.Batch.Targets);
        var report = GradientCheck.OfLoss(c.Network.Loss, c.Network.OutputActivation, result.Logits, c.Batch.Targets,
            BackpropagationProperties.ToleranceFor(loss));
        return report.Passed.Label($"{c.Network.Loss.Name} after {c.Network.OutputActivation.Name}: {report}");
    }

    /// <summary>
    /// The network property's tolerance, scaled to the activation check's objective Σ a ⊙ w: its weights are
    /// below 2, so 2·Σ|a| bounds the magnitudes whose rounding the central difference divides by h.
    /// </summary>
    private static GradientCheckOptions ObjectiveTolerance(Tensor a)
    {
        var magnitude = 0.0;
        foreach (var x in a.Span) magnitude += Math.Abs(x);
        return BackpropagationProperties.ToleranceFor(2 * magnitude);
    }
}
