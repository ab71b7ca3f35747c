using System.Numerics;
using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Losses;

/// <summary>The built-in losses by the names used in experiment files and reference cases.</summary>
public static class LossCatalog
{
    /// <summary>Every built-in loss.</summary>
    public static IReadOnlyList<Loss> BuiltIn { get; } =
    [
        Loss.HalfSumSquaredError, Loss.MeanSquaredError, Loss.BinaryCrossEntropy, Loss.BinaryCrossEntropyWithLogits,
        Loss.SoftmaxCrossEntropy,
    ];

    /// <summary>The built-in loss called <paramref name="name"/>, or an error listing the known names.</summary>
    public static Fin<Loss> FromName(string name) =>
        BuiltIn.FirstOrDefault(l => l.Name == name) is { } found
            ? found
            : Error.New($"unknown loss '{name}'; known: {string.Join(", ", BuiltIn.Select(l => l.Name))}");
}
