using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Functional.NN.Activations;
using Functional.NN.Data;
using Functional.NN.Distributed;
using Functional.NN.Initialization;
using Functional.NN.Losses;
using Functional.NN.Model;
using Functional.NN.Optimizers;
using Functional.NN.Randomness;
using Functional.NN.Training;
using Xunit;

namespace Functional.NN.Tests.Training;

/// <summary>
/// The recycling trainer (<c>RunKeepingLatest</c>, what <c>fnn train</c> runs): each step writes into the arrays of the
/// progress two steps back, and must give the very bits of the allocating trainer, never touch the starting progress,
/// and leave the latest two progresses intact.
/// </summary>
public sealed class RecyclingTrainerProperties
{
    private static readonly Network Net =
        Network.Create(4, Loss.SoftmaxCrossEntropy, (6, Activation.Relu), (5, Activation.Tanh), (3, Activation.Softmax)).ThrowIfFail();

    private static readonly Dataset Data = Dataset.Create(
        Sampling.Normal(RandomKey.FromSeed(1), 23, 4, 0, 1),
        ClassLabels.OneHot(Enumerable.Range(0, 23).Select(i => i % 3).ToArray(), 3).ThrowIfFail()).ThrowIfFail();

    private static readonly GradientTransformation[] Optimizers =
    [
        Optimizer.Sgd(0.1),
        Optimizer.SgdMomentum(0.05, 0.9, nesterov: true),
        Optimizer.Adam(Schedule.CosineDecay(0.01, 20, 0.1)),
        Optimizer.AdamW(0.01),
        Optimizer.RmsProp(0.01),
        Transform.Chain(Transform.ClipByGlobalNorm(0.5), Optimizer.Adam(0.01)),
        Transform.Chain(Transform.Freeze(ParameterMask.Biases(Net)), Optimizer.SgdMomentum(0.05)),
    ];

    private static TrainingPlan Plan(GradientTransformation optimizer) =>
        TrainingPlan.Create(Net, optimizer, Data, RandomKey.FromSeed(3), batchSize: 5).ThrowIfFail();

    [Property(MaxTest = 40)]
    public Property Recycling_gives_the_bits_of_the_allocating_trainer_and_never_writes_the_start()
    {
        var cases = Gen.Choose(0, Optimizers.Length - 1).SelectMany(o => Gen.Choose(1, 14).Select(k => (o, k)));
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var plan = Plan(Optimizers[c.o]);
            var start = MiniBatchTrainer.Start(plan, Initializer.HeUniform.Initialize(Net, RandomKey.FromSeed((ulong)c.k)));
            var before = (start.Parameters.ContentHash(), start.OptimizerState.ContentHash());
            var reference = MiniBatchTrainer.Run(plan, start).Take(c.k).ToList();
            var recycled = MiniBatchTrainer.RunKeepingLatest(plan, start).Take(c.k).Last();
            return (recycled.Parameters.ContentHash() == reference[^1].Parameters.ContentHash()).Label("parameters")
                .And(recycled.OptimizerState.ContentHash() == reference[^1].OptimizerState.ContentHash()).Label("optimizer state")
                .And(recycled.BatchLoss == reference[^1].BatchLoss).Label("loss")
                .And((start.Parameters.ContentHash(), start.OptimizerState.ContentHash()) == before).Label("the start is untouched");
        });
    }

    [Fact]
    public void The_latest_two_progresses_stay_valid_while_the_sequence_moves_on()
    {
        var plan = Plan(Optimizer.Adam(0.01));
        var start = MiniBatchTrainer.Start(plan, Initializer.HeUniform.Initialize(Net, RandomKey.FromSeed(4)));
        var reference = MiniBatchTrainer.Run(plan, start).Take(12).Select(p => p.Parameters.ContentHash()).ToList();
        TrainingProgress? previous = null;
        var step = 0;
        foreach (var progress in MiniBatchTrainer.RunKeepingLatest(plan, start).Take(12))
        {
            Assert.Equal(reference[step], progress.Parameters.ContentHash());
            if (previous is not null) Assert.Equal(reference[step - 1], previous.Parameters.ContentHash());
            previous = progress;
            step++;
        }
        Assert.Equal(12, step);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Data_parallel_recycling_gives_the_one_process_bits(int ranks)
    {
        var plan = Plan(Optimizer.Adam(Schedule.CosineDecay(0.01, 20, 0.1)));
        var start = MiniBatchTrainer.Start(plan, Initializer.HeUniform.Initialize(Net, RandomKey.FromSeed(5)));
        var reference = MiniBatchTrainer.Run(plan, start).Take(11).Last();
        var runs = InProcessGroup.Run(ranks, c => DataParallelTrainer.RunKeepingLatest(plan, start, c).Take(11).Last());
        foreach (var run in runs)
        {
            Assert.Equal(reference.Parameters.ContentHash(), run.Parameters.ContentHash());
            Assert.Equal(reference.OptimizerState.ContentHash(), run.OptimizerState.ContentHash());
        }
    }
}
