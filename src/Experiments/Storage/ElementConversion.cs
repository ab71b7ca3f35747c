using System.Numerics;
using Functional.NN.Model;

namespace Functional.NN.Experiments.Storage;

/// <summary>Parameters of one element type as doubles: float to double is exact, so a widened model holds the same values.</summary>
internal static class ElementConversion
{
    /// <summary>The parameters of <paramref name="network"/> with every number as a double: exact for float and double parameters.</summary>
    public static Parameters<double> Widen<T>(Network network, Parameters<T> parameters) where T : unmanaged, IFloatingPointIeee754<T> =>
        parameters is Parameters<double> own
            ? own
            : Parameters<double>.Create(network, parameters.Layers.Select(l => new LayerTensors<double>(l.Weights.Convert<double>(), l.Bias.Convert<double>())))
                .ThrowIfFail();
}
