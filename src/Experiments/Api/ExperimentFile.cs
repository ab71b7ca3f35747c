using System.Text;
using Functional.NN.Experiments.ExperimentFiles;
using Functional.NN.Model;
using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Experiments;

/// <summary>
/// An experiment file as <c>fnn train</c> reads it (README "Experiments"): the data, the network, the loss, the
/// initializer, the optimizer and its schedule, the training and checkpoint settings, every absent key filled
/// with its default. Immutable; <see cref="TrainingRuns.Train"/> trains it into a run directory.
/// </summary>
public sealed class ExperimentFile
{
    internal ExperimentFile(Experiment experiment) => Experiment = experiment;

    internal Experiment Experiment { get; }

    /// <summary>The experiment's name: it names the default run directory and goes into the model files.</summary>
    public string Name => Experiment.Name;

    /// <summary>The seed of every random choice of training: initial parameters, validation split, shuffles.</summary>
    public ulong Seed => Experiment.Seed;

    /// <summary>Passes over the training data.</summary>
    public int Epochs => Experiment.Training.Epochs;

    /// <summary>The network's input size, or null until <see cref="Resolve"/> has taken it from the data.</summary>
    public int? InputSize => Experiment.Network.InputSize;

    /// <summary>
    /// The experiment in the file at <paramref name="path"/>, relative data paths taken from the file's folder;
    /// or one error that names every problem found, each with its key path (<c>optimizer.learning_rate: ...</c>).
    /// </summary>
    /// <param name="path">The experiment file (strict JSON).</param>
    public static Fin<ExperimentFile> Load(string path) => ExperimentParser.Load(path).Map(e => new ExperimentFile(e));

    /// <summary>The experiment in <paramref name="json"/>, or one error naming every problem found.</summary>
    /// <param name="json">The text of an experiment file.</param>
    /// <param name="name">The experiment's name when the text gives none, and the source named in messages.</param>
    /// <param name="baseDirectory">Where relative data paths start.</param>
    public static Fin<ExperimentFile> Parse(string json, string name, string baseDirectory) =>
        ExperimentParser.Parse(Encoding.UTF8.GetBytes(json), name, baseDirectory, name).Map(e => new ExperimentFile(e));

    /// <summary>The same experiment with another seed (as <c>fnn train --seed</c>).</summary>
    /// <param name="seed">The new seed.</param>
    public ExperimentFile WithSeed(ulong seed) => new(Experiment with { Seed = seed });

    /// <summary>
    /// The same experiment trained for another number of epochs (as <c>fnn train --epochs</c>); an error, in the words an
    /// experiment file gets (<c>training.epochs: must be at least 1, got 0</c>), when <paramref name="epochs"/> is below 1.
    /// </summary>
    /// <param name="epochs">The new number of epochs, at least 1.</param>
    public Fin<ExperimentFile> WithEpochs(int epochs) =>
        epochs < 1
            ? Fin<ExperimentFile>.Fail(Error.New($"training.epochs: must be at least 1, got {epochs}"))
            : new ExperimentFile(Experiment with { Training = Experiment.Training with { Epochs = epochs } });

    /// <summary>The element type parameters, data and computation use (<c>"dtype"</c>; float64 when the file gives none).</summary>
    public ElementType Dtype => Experiment.Dtype;

    /// <summary>
    /// The same experiment in another element type (as <c>fnn train --dtype</c>); an error, in the words an experiment file
    /// gets, when a setting of the optimizer cannot be held in float32.
    /// </summary>
    /// <param name="dtype">The new element type.</param>
    public Fin<ExperimentFile> WithDtype(ElementType dtype) =>
        ElementTypeReader.Check(dtype, Experiment.Optimizer)
            .ToFin(problems => problems)
            .Map(_ => new ExperimentFile(Experiment with { Dtype = dtype }));

    /// <summary>
    /// The experiment resolved against its data, as <c>fnn train --dry-run</c> prints it: the data loaded, the
    /// input size filled in, the network and optimizer built and the outputs checked against the targets.
    /// </summary>
    public Fin<ExperimentFile> Resolve() => PreparedExperiment.Resolve(Experiment).Map(r => new ExperimentFile(r.Experiment));

    /// <summary>The experiment's network, its input size taken from the data when the file leaves it out.</summary>
    public Fin<Network> Network() => PreparedExperiment.Resolve(Experiment).Map(r => r.Network);

    /// <summary>
    /// The canonical JSON of the experiment: fixed key order, every default written out, ending with a line break;
    /// what a run directory's <c>experiment.json</c> holds. <see cref="Parse"/> reads it back into an equal experiment.
    /// </summary>
    public string ToJson() => Encoding.UTF8.GetString(ExperimentJson.Serialize(Experiment));

    /// <summary>The name and seed, for messages.</summary>
    public override string ToString() => $"experiment '{Name}' (seed {Seed})";
}
