using Functional.NN.Model;

namespace Functional.NN.Tests.Properties;

/// <summary>Element-wise views of layer trees for properties that reason about individual numbers.</summary>
public static class Scalars
{
    /// <summary>Every number of the tree, layer by layer, W before b, row-major.</summary>
    public static double[] Of<T>(LayerTree<T, double> tree) where T : LayerTree<T, double> =>
        tree.Layers.SelectMany(l => l.Weights.ToArray().Concat(l.Bias.ToArray())).ToArray();

    /// <summary>
    /// The first index where |actual - expected| exceeds <paramref name="tolerance"/>(i), or -1 when none does.
    /// </summary>
    public static int FirstMismatch(double[] actual, double[] expected, Func<int, double> tolerance)
    {
        if (actual.Length != expected.Length) return 0;
        for (var i = 0; i < actual.Length; i++)
            if (!(Math.Abs(actual[i] - expected[i]) <= tolerance(i))) return i;
        return -1;
    }
}
