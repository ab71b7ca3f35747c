using Functional.NN.Activations;
using Functional.NN.Losses;

namespace Functional.NN.Testing;

/// <summary>
/// Which built-in activations and losses the generators combine, and how. Everything is read from
/// <see cref="ActivationCatalog.BuiltIn"/> and <see cref="LossCatalog.BuiltIn"/>, so activations and
/// losses added to the catalogs later are generated without editing this file; only the two name
/// sets below carry knowledge that the catalogs cannot express.
/// </summary>
public static class CatalogRoles
{
    /// <summary>
    /// Activations whose derivative (or, for ELU, second derivative) jumps at z = 0. A central
    /// difference straddling the kink sees an average slope, so generated cases keep their
    /// pre-activations away from 0 (<see cref="Case.MinimumKinkDistance"/>).
    /// </summary>
    public static IReadOnlySet<string> Kinked { get; } = new HashSet<string> { "relu", "leaky_relu", "elu" };

    /// <summary>Losses defined only for outputs in (0, 1) with 0/1 targets: they get a sigmoid output.</summary>
    public static IReadOnlySet<string> Probabilistic { get; } = new HashSet<string> { "bce" };

    /// <summary>Every element-wise built-in activation; any of them may be a hidden layer.</summary>
    public static IReadOnlyList<Activation> Hidden { get; } =
        ActivationCatalog.BuiltIn.OfType<ElementwiseActivation>().ToList<Activation>();

    /// <summary>Every built-in loss that at least one built-in activation can feed.</summary>
    public static IReadOnlyList<Loss> Losses { get; } =
        LossCatalog.BuiltIn.Where(l => OutputsFor(l).Count > 0).ToList();

    /// <summary>
    /// The output activations generated for <paramref name="loss"/>. A loss that rejects the identity
    /// output is fused with a specific activation (softmax cross-entropy with softmax) and gets exactly
    /// the activations it accepts; any other loss gets every element-wise activation it accepts.
    /// Row-wise activations such as softmax are therefore used only where a loss asks for them.
    /// </summary>
    public static IReadOnlyList<Activation> OutputsFor(Loss loss)
    {
        var accepted = ActivationCatalog.BuiltIn.Where(a => loss.IncompatibilityWith(a) is null);
        if (Probabilistic.Contains(loss.Name)) return accepted.Where(a => a.Name == "sigmoid").ToList();
        var fused = loss.IncompatibilityWith(Activation.Identity) is not null;
        return (fused ? accepted : accepted.OfType<ElementwiseActivation>()).ToList<Activation>();
    }

    /// <summary>True when the activation has a kink at 0.</summary>
    public static bool IsKinked(Activation activation) => Kinked.Contains(activation.Name);

    /// <summary>Row-wise outputs (softmax) need at least two classes; element-wise ones one unit.</summary>
    public static int MinimumUnits(Activation outputActivation) => outputActivation is ElementwiseActivation ? 1 : 2;

    /// <summary>What a target row looks like for a network with this loss and output activation.</summary>
    public static TargetKind TargetsFor(Loss loss, Activation outputActivation) =>
        outputActivation is not ElementwiseActivation ? TargetKind.OneHot
        : Probabilistic.Contains(loss.Name) ? TargetKind.Binary
        : TargetKind.UnitInterval;
}
