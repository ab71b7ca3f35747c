using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Activations;

/// <summary>The built-in activations by the names used in experiment files and reference cases.</summary>
public static class ActivationCatalog
{
    /// <summary>Every built-in activation, with its default hyper-parameters.</summary>
    public static IReadOnlyList<Activation> BuiltIn { get; } =
    [
        Activation.Identity, Activation.Sigmoid, Activation.Tanh, Activation.Relu, Activation.LeakyRelu,
        Activation.Elu, Activation.Softplus, Activation.Gelu, Activation.Softmax,
    ];

    /// <summary>The built-in activation called <paramref name="name"/>, or an error listing the known names.</summary>
    public static Fin<Activation> FromName(string name) =>
        BuiltIn.FirstOrDefault(a => a.Name == name) is { } found
            ? found
            : Error.New($"unknown activation '{name}'; known: {string.Join(", ", BuiltIn.Select(a => a.Name))}");
}
