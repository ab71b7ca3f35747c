using System.Collections.Immutable;
using System.Globalization;
using Functional.NN.Activations;
using Functional.NN.Initialization;
using Functional.NN.Losses;
using Functional.NN.Model;
using Functional.NN.Randomness;
using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Experiments.Evaluation;

/// <summary>
/// A network described on the command line, <c>--layers 2,8,1 --activations tanh,sigmoid --loss bce
/// --init xavier_uniform --seed 1</c>: the sizes from input to output, one activation per layer after the
/// input, the loss, and the initializer and seed of its parameters.
/// </summary>
/// <param name="Sizes">Input size, then the units of each layer.</param>
/// <param name="Activations">One per layer after the input.</param>
/// <param name="Loss">The loss.</param>
/// <param name="Initializer">How the weights are drawn (biases start at zero).</param>
/// <param name="Seed">Seed of the initializer's <see cref="RandomKey"/>.</param>
internal sealed record NetworkSpec(ImmutableArray<int> Sizes, ImmutableArray<Activation> Activations, Loss Loss, Initializer Initializer, ulong Seed)
{
    /// <summary>The network, or an error naming every problem (a count mismatch, or what <c>Network.Create</c> rejects).</summary>
    public Fin<Network> CreateNetwork() =>
        Sizes.Length - 1 != Activations.Length
            ? Error.New(
                $"--layers {string.Join(",", Sizes)} has {Sizes.Length - 1} layers after the input, " +
                $"--activations gives {Activations.Length} activations; give one per layer after the input")
            : Network.Create(Sizes[0], Sizes.Skip(1).Zip(Activations, (units, activation) => new LayerSpec(units, activation)), Loss);

    /// <summary>
    /// The network and its initial parameters, drawn from <c>RandomKey.FromSeed(Seed)</c>, once the parameters are
    /// estimated to fit in memory (<see cref="ExperimentFiles.MemoryEstimate"/>).
    /// </summary>
    public Fin<ModelUnderCheck> Build() =>
        from network in CreateNetwork()
        from fits in ExperimentFiles.MemoryEstimate.CheckInference(network, GradcheckRunner.DefaultBatch)
        select new ModelUnderCheck(
            network,
            Initializer.Initialize(network, RandomKey.FromSeed(Seed)),
            $"{Initializer.Name} initialization, seed {Seed.ToString(CultureInfo.InvariantCulture)}");
}
