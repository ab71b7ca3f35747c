using System.Globalization;
using Functional.NN.Experiments.Storage;
using Functional.NN.Model;
using LanguageExt;

namespace Functional.NN.Experiments.ExperimentFiles;

/// <summary>
/// What training a network takes in memory, estimated from the shapes alone before anything is allocated, in
/// <see cref="double"/> so that no product overflows (100000 x 100000 units is 10^10 weights, not an
/// overflow), and checked against <see cref="MemoryBudget"/>. With P the number of parameters and B the batch:
/// <list type="bullet">
/// <item>parameters: P numbers, times <see cref="ParameterCopies"/> (the current ones, the gradients, the
/// updated ones, and the encodings of a checkpoint or model file being saved);</item>
/// <item>optimizer state: P numbers per moment (1 for momentum and RMSProp, 2 for Adam and AdamW, 0 for SGD);</item>
/// <item>activations: B x (inputs + all units) numbers, three times (z, a and δ of every layer).</item>
/// </list>
/// </summary>
internal static class MemoryEstimate
{
    /// <summary>Copies of the parameters a training step and a save hold at once.</summary>
    public const int ParameterCopies = 6;

    /// <summary>The number of weights and biases of <paramref name="network"/>.</summary>
    public static double Parameters(Network network)
    {
        var total = 0.0;
        var inputs = (double)network.InputSize;
        foreach (var layer in network.Layers)
        {
            total += layer.Units * (inputs + 1);
            inputs = layer.Units;
        }
        return total;
    }

    /// <summary>Moments per parameter of the optimizer named <paramref name="optimizer"/>.</summary>
    public static int Moments(string optimizer) => optimizer switch
    {
        "adam" or "adamw" => 2,
        "sgd_momentum" or "rmsprop" => 1,
        _ => 0,
    };

    /// <summary>Bytes that training <paramref name="network"/> with <paramref name="optimizer"/> on batches of <paramref name="batchSize"/> takes.</summary>
    public static double OfTraining(Network network, string optimizer, int batchSize)
    {
        var units = network.InputSize + network.Layers.Sum(l => (double)l.Units);
        return sizeof(double) * (Parameters(network) * (ParameterCopies + Moments(optimizer)) + 3.0 * batchSize * units);
    }

    /// <summary>Success when training fits in memory; otherwise an error with the estimate and the memory available.</summary>
    public static Fin<Unit> CheckTraining(Network network, string optimizer, int batchSize) =>
        MemoryBudget.Check(OfTraining(network, optimizer, batchSize), string.Create(CultureInfo.InvariantCulture,
            $"training {Describe(network)} ({Parameters(network):0.###e+0} parameters) with {optimizer} on batches of {batchSize}"));

    /// <summary>Success when the parameters of <paramref name="network"/> and one pass over <paramref name="rows"/> rows fit in memory.</summary>
    public static Fin<Unit> CheckInference(Network network, int rows) =>
        MemoryBudget.Check(sizeof(double) * (2 * Parameters(network) + 2.0 * rows * (network.InputSize + network.Layers.Sum(l => (double)l.Units))),
            string.Create(CultureInfo.InvariantCulture, $"the network {Describe(network)} ({Parameters(network):0.###e+0} parameters)"));

    /// <summary>The network's layer sizes, <c>2-1000000000-2</c>.</summary>
    public static string Describe(Network network) =>
        string.Join('-', new[] { network.InputSize }.Concat(network.Layers.Select(l => l.Units)));
}
