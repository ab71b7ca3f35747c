using System.Numerics;
using Functional.NN.Model;

namespace Functional.NN.Passes;

/// <summary>The shape checks at the entry of every pass, as plain loops (no allocation on the hot path).</summary>
internal static class PassChecks
{
    /// <summary>Throws <see cref="ArgumentException"/> when the parameters do not fit the network.</summary>
    public static void RequireFits<T>(Network network, Parameters<T> parameters) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var specs = network.Layers;
        var fits = parameters.Count == specs.Length;
        for (var i = 0; fits && i < specs.Length; i++)
        {
            var layer = parameters[i];
            fits = layer.Weights.Rows == specs[i].Units && layer.Weights.Columns == network.InputsOf(i) &&
                   layer.Bias.Rows == 1 && layer.Bias.Columns == specs[i].Units;
        }
        if (!fits)
            throw new ArgumentException($"parameters {parameters.Describe()} do not fit network {network}");
    }

    /// <summary>Throws <see cref="ArgumentException"/> when the inputs do not have the network's number of features.</summary>
    public static void RequireInputs(Network network, int columns)
    {
        if (columns != network.InputSize)
            throw new ArgumentException($"layer 1 expects {network.InputSize} inputs, got {columns}");
    }
}
