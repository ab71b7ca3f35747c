using System.Collections.Immutable;
using Functional.NN.Model;

namespace Functional.NN.Distributed;

/// <summary>
/// A network's gradients as one flat vector, as the data-parallel step sends them: tensor t (2·layer the weights
/// <c>[units x inputs]</c> row-major, 2·layer + 1 the bias) at <see cref="Offset"/>(t), <see cref="Length"/> in all.
/// </summary>
internal sealed class GradientLayout
{
    private readonly ImmutableArray<int> _offsets;

    private GradientLayout(ImmutableArray<int> offsets) => _offsets = offsets;

    /// <summary>The layout of <paramref name="network"/>'s gradients.</summary>
    public static GradientLayout Of(Network network)
    {
        var offsets = ImmutableArray.CreateBuilder<int>(2 * network.Layers.Length + 1);
        var at = 0;
        for (var l = 0; l < network.Layers.Length; l++)
        {
            offsets.Add(at);
            at += network.Layers[l].Units * network.InputsOf(l);
            offsets.Add(at);
            at += network.Layers[l].Units;
        }
        offsets.Add(at);
        return new GradientLayout(offsets.MoveToImmutable());
    }

    /// <summary>Numbers in all the tensors.</summary>
    public int Length => _offsets[^1];

    /// <summary>Where tensor <paramref name="tensor"/> starts.</summary>
    public int Offset(int tensor) => _offsets[tensor];

    /// <summary>The tensors of <paramref name="vector"/> (laid out this way), one memory each, in tensor order.</summary>
    public ReadOnlyMemory<double>[] Split(ReadOnlyMemory<double> vector) =>
        [.. Enumerable.Range(0, _offsets.Length - 1).Select(t => vector[_offsets[t].._offsets[t + 1]])];
}
