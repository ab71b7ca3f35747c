using System.Numerics;
using Functional.NN.Experiments.Data;
using Functional.NN.Experiments.Runs;
using Functional.NN.Initialization;
using Functional.NN.Model;
using Functional.NN.Optimizers;
using Functional.NN.Randomness;
using Functional.NN.Training;
using LanguageExt;
using Schedule = Functional.NN.Optimizers.Schedule;
using LanguageExt.Common;

namespace Functional.NN.Experiments.ExperimentFiles;

/// <summary>
/// An experiment resolved against its data and turned into Core values: the resolved experiment (input size
/// filled in) and its hash, the network, the data parts, the training plan, the learning-rate schedule and
/// the initial parameters. Everything a run needs, computed the same way by <c>train</c>, <c>resume</c> and
/// <c>--dry-run</c>.
/// </summary>
/// <param name="Experiment">The resolved experiment (what <c>experiment.json</c> holds).</param>
/// <param name="Hash">Its <see cref="ExperimentJson.Hash"/>, stored in every checkpoint.</param>
/// <param name="Network">The architecture.</param>
/// <param name="Data">Training, validation and test parts.</param>
/// <param name="Plan">The mini-batch training plan.</param>
/// <param name="LearningRate">The learning-rate schedule (for the metrics' learning_rate column).</param>
/// <param name="Initial">The parameters before the first update.</param>
internal sealed record PreparedExperiment(Experiment Experiment, string Hash, Network Network, TrainingData Data,
    TrainingPlan Plan, Schedule LearningRate, Parameters Initial)
{
    /// <summary>The key of the initial parameters: <c>RandomKey.FromSeed(seed).Fold(0)</c>.</summary>
    public static RandomKey InitializationKey(ulong seed) => RandomKey.FromSeed(seed).Fold(0);

    /// <summary>The key of the epochs' shuffles: <c>RandomKey.FromSeed(seed).Fold(1)</c>.</summary>
    public static RandomKey ShuffleKey(ulong seed) => RandomKey.FromSeed(seed).Fold(1);

    /// <summary>The key of the train/validation split: <c>RandomKey.FromSeed(seed).Fold(2)</c>.</summary>
    public static RandomKey SplitKey(ulong seed) => RandomKey.FromSeed(seed).Fold(2);

    /// <summary>Loads the data of <paramref name="parsed"/>, resolves the input size, and builds everything a run needs.</summary>
    public static Fin<PreparedExperiment> Prepare(Experiment parsed) =>
        from trainable in Trainable(parsed.Dtype)
        from resolved in Resolve(parsed)
        let experiment = resolved.Experiment
        from data in TrainingData.Prepare(resolved.Source, experiment.Training, SplitKey(experiment.Seed))
        from optimizer in OptimizerFactory.Build(experiment.Optimizer)
        from schedule in OptimizerFactory.LearningRate(experiment.Optimizer)
        from plan in TrainingPlan.Create(resolved.Network, optimizer, data.Training, ShuffleKey(experiment.Seed), experiment.Training.BatchSize,
                experiment.Training.DropPartialBatch ? Functional.NN.Data.PartialBatch.Drop : Functional.NN.Data.PartialBatch.Keep)
            .Prefixed("training")
        from fits in MemoryEstimate.CheckTraining(resolved.Network, experiment.Optimizer.Name, Math.Min(experiment.Training.BatchSize, data.Training.Count))
        from weights in ComponentReader.Build<Initializer>(experiment.Initializer.Weights, ComponentKind.Initializer, "initializer.weights")
        from bias in ComponentReader.Build<Initializer>(experiment.Initializer.Bias, ComponentKind.Initializer, "initializer.bias")
        let initial = weights.Initialize(resolved.Network, InitializationKey(experiment.Seed), bias)
        select new PreparedExperiment(experiment, ExperimentJson.Hash(experiment), resolved.Network, data, plan, schedule, initial);

    /// <summary>
    /// Whether this build trains in <paramref name="dtype"/>: float64 and float32 both, one process each; data-parallel
    /// runs across processes are float64 only (checked when the world is known, <see cref="Runs.RunSession"/>).
    /// </summary>
    private static Fin<Unit> Trainable(ElementType dtype) =>
        dtype is ElementType.Float64 or ElementType.Float32
            ? Prelude.unit
            : Error.New($"dtype: this build cannot train in {dtype.Name()}");

    /// <summary>The initial parameters in <typeparamref name="T"/>: <see cref="Initial"/>'s numbers rounded once.</summary>
    public Parameters<T> InitialAs<T>() where T : unmanaged, IFloatingPointIeee754<T> => Initial.Convert<T>();

    /// <summary>
    /// The experiment resolved against its data (what <c>--dry-run</c> prints): the data loaded, the input
    /// size filled in and checked, the network and optimizer built, and the outputs checked against the
    /// targets; without splitting, standardizing or batching the data.
    /// </summary>
    public static Fin<(Experiment Experiment, Network Network, SourceData Source)> Resolve(Experiment parsed) =>
        from source in DataSourceLoader.Load(parsed.Data)
        from experiment in Resolve(parsed, source)
        from network in NetworkReader.Build(experiment.Network, experiment.Loss)
        from outputs in CheckOutputs(experiment, network, source)
        from optimizer in OptimizerFactory.Build(experiment.Optimizer)
        select (experiment, network, BinaryTargets(network, source));

    /// <summary>
    /// For a single-output network on two-class data (sigmoid with <c>bce</c>, or <c>bce_logits</c>): one 0/1 target
    /// column, 1 for class index 1, as <c>evaluate</c> and <c>predict</c> score such a network (DatasetFit);
    /// otherwise the data as loaded.
    /// </summary>
    private static SourceData BinaryTargets(Network network, SourceData source)
    {
        if (network.OutputSize != 1 || source.Train.Classes != 2) return source;
        static LoadedDataset Single(LoadedDataset data) =>
            data with { Targets = Functional.NN.Tensors.Tensor<double>.Build(data.Count, 1, (row, _) => data.Targets[row, 1]) };
        return new SourceData(Single(source.Train), source.Test is { } test ? Single(test) : null);
    }

    private static Fin<Experiment> Resolve(Experiment parsed, SourceData source)
    {
        var features = source.Train.Features.Columns;
        if (parsed.Network.InputSize is { } given && given != features)
            return Error.New($"network.input_size: {given}, but the data has {features} features per example");
        if (source.Test is { } test && test.Features.Columns != features)
            return Error.New($"data: the test split has {test.Features.Columns} features, the training data {features}");
        return parsed with { Network = parsed.Network with { InputSize = features } };
    }

    private static Fin<Unit> CheckOutputs(Experiment experiment, Network network, SourceData source)
    {
        var targets = source.Train.Targets.Columns;
        if (network.OutputSize == targets || (network.OutputSize == 1 && source.Train.Classes == 2)) return Prelude.unit;
        var what = source.Train.Classes > 0 ? $"{targets} classes (one-hot targets)" : $"{targets} target column(s)";
        return Error.New($"network.layers[{experiment.Network.Layers.Length - 1}].units: the output layer has {network.OutputSize} units, " +
                         $"but the data has {what}");
    }
}
