using Functional.NN.Activations;
using Functional.NN.Initialization;
using Functional.NN.Losses;
using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Experiments.ExperimentFiles;

/// <summary>
/// A family of named components that an experiment file refers to by catalog name and numeric parameters:
/// activations, losses and initializers. Each knows its names and how to look one up with its defaults.
/// </summary>
/// <param name="Noun">How messages call one (<c>activation</c>).</param>
/// <param name="Names">The valid names, in catalog order.</param>
/// <param name="FromName">The catalog lookup: the component with its default parameters.</param>
internal sealed record ComponentKind(string Noun, IReadOnlyList<string> Names, Func<string, Fin<object>> FromName)
{
    /// <summary>The activations of <see cref="ActivationCatalog"/>.</summary>
    public static ComponentKind Activation { get; } = new("activation",
        ActivationCatalog.BuiltIn.Select(a => a.Name).ToArray(), name => ActivationCatalog.FromName(name).Map(a => (object)a));

    /// <summary>The losses of <see cref="LossCatalog"/>.</summary>
    public static ComponentKind Loss { get; } = new("loss",
        LossCatalog.BuiltIn.Select(l => l.Name).ToArray(), name => LossCatalog.FromName(name).Map(l => (object)l));

    private static IReadOnlyDictionary<string, Initializer> InitializerDefaults { get; } = new[]
    {
        Functional.NN.Initialization.Initializer.Zeros,
        Functional.NN.Initialization.Initializer.Constant(0.0),
        Functional.NN.Initialization.Initializer.Uniform(-0.05, 0.05),
        Functional.NN.Initialization.Initializer.Normal(0.0, 0.05),
        Functional.NN.Initialization.Initializer.XavierUniform,
        Functional.NN.Initialization.Initializer.XavierNormal,
        Functional.NN.Initialization.Initializer.HeUniform,
        Functional.NN.Initialization.Initializer.HeNormal,
        Functional.NN.Initialization.Initializer.LeCunUniform,
        Functional.NN.Initialization.Initializer.LeCunNormal,
    }.ToDictionary(i => i.Name, StringComparer.Ordinal);

    /// <summary>The initializers, with defaults for those whose Core constructor has no default (uniform ±0.05, normal σ 0.05, constant 0).</summary>
    public static ComponentKind Initializer { get; } = new("initializer", InitializerDefaults.Keys.ToArray(), name =>
        InitializerDefaults.TryGetValue(name, out var initializer)
            ? Fin<object>.Succ(initializer)
            : Error.New($"unknown initializer '{name}'; known: {string.Join(", ", InitializerDefaults.Keys)}"));
}
