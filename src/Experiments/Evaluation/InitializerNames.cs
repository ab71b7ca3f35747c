using Functional.NN.Initialization;
using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Experiments.Evaluation;

/// <summary>
/// The initializers that need no numbers, by their <see cref="Initializer.Name"/>, for <c>--init</c>:
/// <c>xavier_uniform</c>, <c>xavier_normal</c>, <c>he_uniform</c>, <c>he_normal</c>, <c>lecun_uniform</c>,
/// <c>lecun_normal</c> and <c>zeros</c>. Biases start at zero.
/// </summary>
internal static class InitializerNames
{
    /// <summary>The initializer used when none is named.</summary>
    public static Initializer Default => Initializer.XavierUniform;

    /// <summary>Every initializer that can be named, in the order the help lists them.</summary>
    public static IReadOnlyList<Initializer> Known { get; } =
    [
        Initializer.XavierUniform, Initializer.XavierNormal, Initializer.HeUniform, Initializer.HeNormal,
        Initializer.LeCunUniform, Initializer.LeCunNormal, Initializer.Zeros,
    ];

    /// <summary>The initializer called <paramref name="name"/>, or an error listing the known names.</summary>
    public static Fin<Initializer> FromName(string name) =>
        Known.FirstOrDefault(i => i.Name == name) is { } found
            ? found
            : Error.New($"unknown initializer '{name}'; known: {string.Join(", ", Known.Select(i => i.Name))}");
}
