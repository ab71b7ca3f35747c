using Functional.NN.Model;

namespace Functional.NN.App.Demo;

/// <summary>
/// The tutorial's names for the parts of a network: inputs i1, i2, ...; hidden neurons h1, h2, ...;
/// outputs o1, o2, ...; weights w1, w2, ... numbered layer by layer, unit by unit, input by input
/// (so in the 2-2-2 example w1, w2 feed h1 and w5, w6 feed o1); biases b1, b2, ... one per layer.
/// </summary>
internal static class TutorialNames
{
    /// <summary>One weight's position: its layer, the unit it feeds, and the input it multiplies (all 0-based).</summary>
    internal readonly record struct WeightIndex(int Layer, int Unit, int Input);

    /// <summary>i1, i2, ...</summary>
    public static string Input(int input) => $"i{input + 1}";

    /// <summary>o1, o2, ... for the output layer; h1, h2, ... for a single hidden layer; h{layer}_{unit} otherwise.</summary>
    public static string Neuron(Network network, int layer, int unit) =>
        layer == network.Layers.Length - 1 ? $"o{unit + 1}"
        : network.Layers.Length == 2 ? $"h{unit + 1}"
        : $"h{layer + 1}_{unit + 1}";

    /// <summary>The name of what feeds input <paramref name="input"/> of <paramref name="layer"/>: an input or a neuron below.</summary>
    public static string Source(Network network, int layer, int input) =>
        layer == 0 ? Input(input) : Neuron(network, layer - 1, input);

    /// <summary>b1, b2, ...: the bias of a layer.</summary>
    public static string Bias(int layer) => $"b{layer + 1}";

    /// <summary>Every weight of the network in the tutorial's order w1, w2, ...</summary>
    public static IEnumerable<WeightIndex> Weights(Network network) =>
        from layer in Enumerable.Range(0, network.Layers.Length)
        from unit in Enumerable.Range(0, network.Layers[layer].Units)
        from input in Enumerable.Range(0, network.InputsOf(layer))
        select new WeightIndex(layer, unit, input);

    /// <summary>w1, w2, ...: the name of one weight.</summary>
    public static string Weight(Network network, WeightIndex index) =>
        $"w{Weights(network).TakeWhile(w => w != index).Count() + 1}";

    /// <summary>"i1 -> h1": what the weight connects.</summary>
    public static string Connection(Network network, WeightIndex index) =>
        $"{Source(network, index.Layer, index.Input)} -> {Neuron(network, index.Layer, index.Unit)}";

    /// <summary>The weight's value in a parameter tree of the network's shape (parameters or gradients).</summary>
    public static double ValueOf<TTree>(LayerTree<TTree, double> tree, WeightIndex index) where TTree : LayerTree<TTree, double> =>
        tree[index.Layer].Weights[index.Unit, index.Input];
}
