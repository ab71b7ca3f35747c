using System.Collections.Immutable;
using Functional.NN.Experiments.Storage;

namespace Functional.NN.Experiments.ExperimentFiles;

/// <summary>
/// One training experiment as read from an experiment file, every absent key filled with its default
/// (docs: README "Experiments"). <see cref="Network"/>'s input size is null until the data has been seen
/// (resolution against the data); the resolved experiment is what <c>--dry-run</c> prints and what a run
/// directory's <c>experiment.json</c> holds.
/// </summary>
/// <param name="Name">Name of the experiment, used in the run directory's name and the model files.</param>
/// <param name="Seed">The seed of every random choice of training: initial parameters, split, shuffling.</param>
/// <param name="Data">Where the examples come from.</param>
/// <param name="Network">Input size and layers.</param>
/// <param name="Loss">The loss, by catalog name with its parameters.</param>
/// <param name="Initializer">How weights and biases start.</param>
/// <param name="Optimizer">The optimizer, its learning rate and schedule.</param>
/// <param name="Training">Batch size, epochs, validation split, standardization.</param>
/// <param name="Checkpoint">How often the training state is saved, and how many saves are kept.</param>
/// <param name="Dtype">The element type parameters, data and computation use: <c>"dtype"</c>, float64 when absent.</param>
internal sealed record Experiment(
    string Name,
    ulong Seed,
    DataSpec Data,
    NetworkSpec Network,
    NamedComponent Loss,
    InitializerSpec Initializer,
    OptimizerSpec Optimizer,
    TrainingSpec Training,
    CheckpointSpec Checkpoint,
    ElementType Dtype = ElementType.Float64)
{
    /// <summary>Equal when every setting is equal (components by name and parameters).</summary>
    public bool Equals(Experiment? other) =>
        other is not null && Name == other.Name && Seed == other.Seed && Data.Equals(other.Data) && Network.Equals(other.Network) &&
        Loss.SameAs(other.Loss) && Initializer.Equals(other.Initializer) && Optimizer.Equals(other.Optimizer) &&
        Training.Equals(other.Training) && Checkpoint.Equals(other.Checkpoint) && Dtype == other.Dtype;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Seed, Loss.Name);
}

/// <summary>The architecture as written: the input size (null: take it from the data) and the layers.</summary>
/// <param name="InputSize">Number of input features, or null to infer it from the data.</param>
/// <param name="Layers">From the first hidden layer to the output layer.</param>
internal sealed record NetworkSpec(int? InputSize, ImmutableArray<LayerEntry> Layers)
{
    /// <summary>Equal when the input sizes and the layers are equal.</summary>
    public bool Equals(NetworkSpec? other) => other is not null && InputSize == other.InputSize && Layers.SequenceEqual(other.Layers);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(InputSize, Layers.Length);
}

/// <summary>One dense layer as written: its units and its activation by catalog name and parameters.</summary>
/// <param name="Units">Number of neurons.</param>
/// <param name="Activation">The activation.</param>
internal sealed record LayerEntry(int Units, NamedComponent Activation)
{
    /// <summary>Equal when the units are equal and the activations have the same name and parameters.</summary>
    public bool Equals(LayerEntry? other) => other is not null && Units == other.Units && Activation.SameAs(other.Activation);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Units, Activation.Name);
}

/// <summary>Initializers of the weights and of the biases, by name and parameters.</summary>
/// <param name="Weights">For every weight matrix.</param>
/// <param name="Bias">For every bias row.</param>
internal sealed record InitializerSpec(NamedComponent Weights, NamedComponent Bias)
{
    /// <summary>Equal when both components have the same names and parameters.</summary>
    public bool Equals(InitializerSpec? other) => other is not null && Weights.SameAs(other.Weights) && Bias.SameAs(other.Bias);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Weights.Name, Bias.Name);
}

/// <summary>How the training data is cut and prepared, and for how long training goes on.</summary>
/// <param name="BatchSize">Examples per mini-batch, at least 1.</param>
/// <param name="Epochs">Passes over the training data, at least 1.</param>
/// <param name="ValidationSplit">Fraction held out for validation, in [0, 1); 0 for none.</param>
/// <param name="Standardize">Standardize features with statistics of the training part.</param>
/// <param name="DropPartialBatch">Drop the smaller last batch of each epoch instead of keeping it.</param>
internal sealed record TrainingSpec(int BatchSize, int Epochs, double ValidationSplit, bool Standardize, bool DropPartialBatch);

/// <summary>What a checkpoint interval counts.</summary>
internal enum CheckpointUnit
{
    /// <summary>Updates.</summary>
    Steps,

    /// <summary>Completed epochs.</summary>
    Epochs,
}

/// <summary>How often the full training state is saved and how many saves are kept.</summary>
/// <param name="Every">The interval, at least 1.</param>
/// <param name="Unit">Steps or epochs.</param>
/// <param name="Keep">How many of the newest checkpoints are kept, at least 1 (2 by default, so one good one survives a torn write).</param>
internal sealed record CheckpointSpec(int Every, CheckpointUnit Unit, int Keep);
