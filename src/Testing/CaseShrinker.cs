using Functional.NN.Model;

namespace Functional.NN.Testing;

/// <summary>
/// The immediate shrinks of a <see cref="Case"/>, largest simplification first: fewer layers, fewer
/// examples, fewer inputs, narrower layers, the catalog's first activations, rounder numbers. Each
/// shrink keeps the number pool, so the numbers that remain keep their values.
/// </summary>
public static class CaseShrinker
{
    /// <summary>The immediate shrinks of <paramref name="c"/>, largest simplification first.</summary>
    public static IEnumerable<Case> Shrink(Case c) =>
        FewerLayers(c)
            .Concat(FewerExamples(c))
            .Concat(FewerInputs(c))
            .Concat(NarrowerLayers(c))
            .Concat(SimplerActivations(c))
            .Concat(RounderNumbers(c));

    /// <summary>Drops one hidden layer; the output layer always stays.</summary>
    private static IEnumerable<Case> FewerLayers(Case c) =>
        Enumerable.Range(0, c.Network.Layers.Length - 1)
            .SelectMany(i => Rebuild(c, c.Network.InputSize, c.Network.Layers.RemoveAt(i)));

    private static IEnumerable<Case> FewerExamples(Case c) =>
        Smaller(c.BatchSize, 1).Select(size => c.With(batchSize: size));

    private static IEnumerable<Case> FewerInputs(Case c) =>
        Smaller(c.Network.InputSize, 1).SelectMany(size => Rebuild(c, size, c.Network.Layers));

    private static IEnumerable<Case> NarrowerLayers(Case c)
    {
        var layers = c.Network.Layers;
        for (var i = 0; i < layers.Length; i++)
        {
            var minimum = i == layers.Length - 1 ? CatalogRoles.MinimumUnits(layers[i].Activation) : 1;
            foreach (var units in Smaller(layers[i].Units, minimum))
                foreach (var shrunk in Rebuild(c, c.Network.InputSize, layers.SetItem(i, layers[i] with { Units = units })))
                    yield return shrunk;
        }
    }

    /// <summary>Replaces an activation by the first one the catalog allows in its place.</summary>
    private static IEnumerable<Case> SimplerActivations(Case c)
    {
        var layers = c.Network.Layers;
        for (var i = 0; i < layers.Length; i++)
        {
            var simplest = i == layers.Length - 1 ? CatalogRoles.OutputsFor(c.Network.Loss)[0] : CatalogRoles.Hidden[0];
            if (layers[i].Activation.Equals(simplest)) continue;
            foreach (var shrunk in Rebuild(c, c.Network.InputSize, layers.SetItem(i, layers[i] with { Activation = simplest })))
                yield return shrunk;
        }
    }

    private static IEnumerable<Case> RounderNumbers(Case c) =>
        new[] { 1, 2 }.Where(d => !c.Pool.IsRoundedTo(d)).Select(d => c.With(pool: c.Pool.Rounded(d)));

    /// <summary>Candidates below <paramref name="value"/>, down to <paramref name="minimum"/>: the minimum, half, one less.</summary>
    private static IEnumerable<int> Smaller(int value, int minimum) =>
        new[] { minimum, value / 2, value - 1 }.Where(v => v >= minimum && v < value).Distinct();

    private static IEnumerable<Case> Rebuild(Case c, int inputSize, IEnumerable<LayerSpec> layers) =>
        Network.Create(inputSize, layers, c.Network.Loss)
            .Match(network => new[] { c.With(network: network) }, _ => []);
}
