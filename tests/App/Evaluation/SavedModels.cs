using Functional.NN.Activations;
using Functional.NN.Experiments.Data.Generated;
using Functional.NN.Experiments.Storage;
using Functional.NN.Data;
using Functional.NN.Initialization;
using Functional.NN.Losses;
using Functional.NN.Model;
using Functional.NN.Optimizers;
using Functional.NN.Randomness;
using Functional.NN.Training;
using Functional.NN.Tensors;
using LanguageExt;

namespace Functional.NN.Tests.App.Evaluation;

/// <summary>Small models saved by the tests themselves, trained a few steps in-process or just initialized.</summary>
public static class SavedModels
{
    /// <summary>2-8-1 tanh, sigmoid with binary cross-entropy: a binary classifier with a single output.</summary>
    public static Network Binary { get; } =
        Network.Create(2, Loss.BinaryCrossEntropy, (8, Activation.Tanh), (1, Activation.Sigmoid)).ThrowIfFail();

    /// <summary>2-6-2 tanh, softmax with softmax cross-entropy: a two-class classifier with one output per class.</summary>
    public static Network Softmax { get; } =
        Network.Create(2, Loss.SoftmaxCrossEntropy, (6, Activation.Tanh), (2, Activation.Softmax)).ThrowIfFail();

    /// <summary>3-4-1 tanh, identity with mean squared error: a regressor.</summary>
    public static Network Regressor { get; } =
        Network.Create(3, Loss.MeanSquaredError, (4, Activation.Tanh), (1, Activation.Identity)).ThrowIfFail();

    /// <summary>
    /// <paramref name="network"/> trained with Adam for <paramref name="steps"/> mini-batch steps on 64 noisy
    /// two-moons examples (one target column for a single output, one-hot otherwise).
    /// </summary>
    public static Parameters Trained(Network network, int steps = 20)
    {
        var moons = GeneratedDatasets.Generate("two_moons", 64, 0.1, 3).ThrowIfFail();
        var targets = network.OutputSize == 1
            ? Tensor.Build(moons.Count, 1, (r, _) => moons.Targets[r, 1])
            : moons.Targets;
        var data = Dataset.Create(moons.Features.ToTensor(), targets).ThrowIfFail();
        var plan = TrainingPlan.Create(network, Optimizer.Adam(0.05), data, RandomKey.FromSeed(7), batchSize: 16).ThrowIfFail();
        var initial = Initializer.XavierUniform.Initialize(network, RandomKey.FromSeed(11));
        return MiniBatchTrainer.Run(plan, MiniBatchTrainer.Start(plan, initial)).First(p => p.Step >= steps).Parameters;
    }

    /// <summary>Saves <paramref name="network"/> with <paramref name="parameters"/> (and an input standardizer, if given) to <paramref name="path"/> and returns the path.</summary>
    public static string Save(string path, Network network, Parameters parameters, Option<Standardizer> standardizer = default)
    {
        ModelFile.Save(path, network, parameters, "eval-tests", standardizer).ThrowIfFail();
        return path;
    }
}
