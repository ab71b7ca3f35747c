using System.Collections.Immutable;
using Functional.NN.Tensors;

namespace Functional.NN.Randomness;

/// <summary>
/// Tensors and permutations drawn from a <see cref="RandomKey"/>, element by element in row-major order:
/// element e of a tensor uses position e of the key's stream, so the numbers depend only on the key and
/// the element's position.
/// </summary>
public static class Sampling
{
    /// <summary>Element e = low + (high - low)·key.Uniform(e), in [low, high).</summary>
    public static Tensor Uniform(RandomKey key, int rows, int columns, double low, double high)
    {
        var data = new double[checked(rows * columns)];
        var width = high - low;
        for (var e = 0; e < data.Length; e++) data[e] = low + width * key.Uniform(e);
        return Tensor.Own(rows, columns, data);
    }

    /// <summary>Element e = mean + standardDeviation·key.Normal(e).</summary>
    public static Tensor Normal(RandomKey key, int rows, int columns, double mean, double standardDeviation)
    {
        var data = new double[checked(rows * columns)];
        for (var e = 0; e < data.Length; e += 2)
        {
            var (first, second) = key.NormalPair(e / 2);
            data[e] = mean + standardDeviation * first;
            if (e + 1 < data.Length) data[e + 1] = mean + standardDeviation * second;
        }
        return Tensor.Own(rows, columns, data);
    }

    /// <summary>
    /// A random permutation of 0..count-1 by Fisher-Yates driven by the key's stream: start from the identity;
    /// for s = 0, 1, ..., count-2 let i = count-1-s and j = key.Below(s, i+1), and swap positions i and j.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="count"/> is negative.</exception>
    public static ImmutableArray<int> Permutation(RandomKey key, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var order = new int[count];
        for (var i = 0; i < count; i++) order[i] = i;
        for (var s = 0; s < count - 1; s++)
        {
            var i = count - 1 - s;
            var j = key.Below(s, i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return ImmutableArray.Create(order);
    }
}
