using FsCheck;
using FsCheck.Fluent;
using Functional.NN.Activations;
using Functional.NN.Losses;
using Functional.NN.Model;
using Functional.NN.Passes;
using Functional.NN.Tensors;
using Functional.NN.Verification;

namespace Functional.NN.Testing;

/// <summary>
/// Ready-made FsCheck properties: a derivative agrees with central finite differences on generated inputs.
/// Check one with FsCheck (<c>Check.One(config, property)</c>, <c>property.QuickCheckThrowOnFailure()</c>),
/// return it from an FsCheck.Xunit <c>[Property]</c>, or use <see cref="GradientAssert"/> for a one-line
/// assertion. A failure shrinks to a small input and prints FsCheck's replay seed.
/// </summary>
public static class GradientProperties
{
    /// <summary>
    /// The activation's backward rule against central differences of L = Σ a ⊙ w
    /// (<see cref="GradientCheck.OfActivation"/>), on z tensors of 1 to 4 rows and columns with elements in
    /// [-<see cref="GradientKitOptions.Bound"/>, <see cref="GradientKitOptions.Bound"/>].
    /// Default tolerance: torch.autograd.gradcheck's (eps 1e-6, atol 1e-5, rtol 1e-3).
    /// </summary>
    public static Property ForActivation(Activation activation, GradientKitOptions? options = null)
    {
        var o = options ?? GradientKitOptions.Default;
        return Prop.ForAll(PreActivations.Arbitrary(o.Bound, o.MinimumDistanceFromZero), z =>
        {
            var report = GradientCheck.OfActivation(activation, z, o.Tolerance);
            return report.Passed.Label($"activation '{activation.Name}' at z = {z}: {report}");
        });
    }

    /// <summary>
    /// The loss's output delta dL/dz after <paramref name="outputActivation"/> against central differences of its
    /// value (<see cref="GradientCheck.OfLoss"/>), on logits in [-Bound, Bound] and targets shaped for the
    /// pair (<see cref="CatalogRoles.TargetsFor"/>: one-hot after softmax, 0/1 for binary cross-entropy,
    /// reals in [0, 1] otherwise). Default tolerance: gradcheck's.
    /// </summary>
    public static Property ForLoss(Loss loss, Activation outputActivation, GradientKitOptions? options = null)
    {
        var o = options ?? GradientKitOptions.Default;
        var logits = PreActivations.Number(o.Bound, o.MinimumDistanceFromZero);
        var cases = CatalogRoles.TargetsFor(loss, outputActivation) switch
        {
            TargetKind.OneHot => LossCases.Classes(logits),
            TargetKind.Binary => LossCases.Elementwise(logits, LossCases.Binary),
            _ => LossCases.Elementwise(logits, LossCases.Soft),
        };
        return ForLoss(loss, outputActivation, cases, o);
    }

    /// <summary>As <see cref="ForLoss(Loss, Activation, GradientKitOptions?)"/>, on (z, targets) pairs from <paramref name="cases"/>.</summary>
    public static Property ForLoss(Loss loss, Activation outputActivation, Arbitrary<(Tensor Z, Tensor Targets)> cases, GradientKitOptions? options = null)
    {
        var o = options ?? GradientKitOptions.Default;
        return Prop.ForAll(cases, c =>
        {
            var report = GradientCheck.OfLoss(loss, outputActivation, c.Z, c.Targets, o.Tolerance);
            return report.Passed.Label($"loss '{loss.Name}' after '{outputActivation.Name}' at z = {c.Z}, targets {c.Targets}: {report}");
        });
    }

    /// <summary>
    /// Backpropagation through <paramref name="network"/> (its activations and loss, custom ones included)
    /// against central differences of the loss for every weight and bias (<see cref="GradientCheck.OfNetwork"/>),
    /// on generated parameters and batches (<see cref="NetworkCases"/>). Inputs whose pre-activations come
    /// within 1e-3 of a built-in kink, or within <see cref="GradientKitOptions.MinimumDistanceFromZero"/> of 0
    /// in a custom layer, are not used. Default tolerance: <see cref="NetworkTolerance"/>.
    /// </summary>
    public static Property ForNetwork(Network network, GradientKitOptions? options = null)
    {
        var o = options ?? GradientKitOptions.Default;
        var cases = NetworkCases.For(network).Where(c =>
            double.IsFinite(ForwardPass.Loss(network, c.Parameters, c.Batch)) &&
            NetworkCases.MinimumKinkDistance(network, c.Parameters, c.Batch, customKinked: false) >= Generators.MinimumKinkDistance &&
            NetworkCases.MinimumKinkDistance(network, c.Parameters, c.Batch, customKinked: true) >= o.MinimumDistanceFromZero);
        return Prop.ForAll(cases.ToArbitrary(), c => NetworkGradientHolds(network, c.Parameters, c.Batch, o.Tolerance));
    }

    /// <summary>
    /// <see cref="NetworkGradientHolds"/> on generated networks of every built-in activation and loss
    /// (<see cref="NetworkArbitraries.Cases"/>), shrinking to fewer and narrower layers.
    /// </summary>
    public static Property ForBuiltInNetworks() =>
        Prop.ForAll(NetworkArbitraries.Cases(), c => NetworkGradientHolds(c.Network, c.Parameters, c.Batch));

    /// <summary>The gradient check of one network, parameters and batch, as a property labelled with the report.</summary>
    public static Property NetworkGradientHolds(Network network, Parameters parameters, Batch batch, GradientCheckOptions? tolerance = null)
    {
        var loss = ForwardPass.Loss(network, parameters, batch);
        var report = GradientCheck.OfNetwork(network, parameters, batch, tolerance ?? NetworkTolerance(loss));
        return report.Passed.Label($"network {network}, loss {loss:G6}: {report}");
    }

    /// <summary>
    /// The tolerance of whole-network checks, for central differences with h = 1e-6 in float64:
    /// rtol = 1e-6 (truncation error h²·|L'''|/6 is far below it for Xavier-scaled networks) and
    /// atol = 1e-7·max(1, |L|) (each loss evaluation carries a rounding error of about k·ε·|L|, k ≤ ~100
    /// roundings along a path, divided by h: ≤ 2.2e-8·|L|). Two orders of magnitude tighter than gradcheck's
    /// defaults, so a derivative wrong by 1% is caught.
    /// </summary>
    public static GradientCheckOptions NetworkTolerance(double loss) =>
        new(Epsilon: 1e-6, AbsoluteTolerance: 1e-7 * Math.Max(1.0, Math.Abs(loss)), RelativeTolerance: 1e-6);
}
