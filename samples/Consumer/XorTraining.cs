using Functional.NN.Activations;
using Functional.NN.Data;
using Functional.NN.Initialization;
using Functional.NN.Losses;
using Functional.NN.Model;
using Functional.NN.Optimizers;
using Functional.NN.Passes;
using Functional.NN.Randomness;
using Functional.NN.Training;
using LanguageExt;

namespace Consumer.Tests;

/// <summary>XOR trained with Adam through the public API, as the README shows.</summary>
public static class XorTraining
{
    /// <summary>The trained network, its parameters and the XOR batch, after 1,000 steps.</summary>
    public static Fin<(Network Network, Parameters<double> Parameters, Batch<double> Batch)> Train() =>
        from network in Network.Create(2, Loss.BinaryCrossEntropy, (8, Activation.Tanh), (1, Activation.Sigmoid))
        from data in Dataset.Create(
            [[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]],
            [[0.0], [1.0], [1.0], [0.0]])
        from plan in TrainingPlan.Create(network, Optimizer.Adam(0.05), data, RandomKey.FromSeed(7), batchSize: 4)
        let initial = Initializer.XavierUniform.Initialize(network, RandomKey.FromSeed(42))
        let trained = MiniBatchTrainer.Run(plan, MiniBatchTrainer.Start(plan, initial))
            .TakeWhile(progress => progress.Step <= 1_000)
            .Last()
        from batch in data.ToBatch(network)
        select (network, trained.Parameters, batch);
}
