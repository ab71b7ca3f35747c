using Functional.NN.Activations;
using Functional.NN.Data;
using Functional.NN.Distributed;
using Functional.NN.Initialization;
using Functional.NN.Losses;
using Functional.NN.Model;
using Functional.NN.Optimizers;
using Functional.NN.Randomness;
using Functional.NN.Tensors;
using Functional.NN.Training;
using Xunit;

namespace Functional.NN.Tests.Distributed;

/// <summary>
/// <see cref="DataParallelTrainer"/> on 1, 2, 3 and 5 in-process ranks yields the one-process
/// <see cref="MiniBatchTrainer"/> sequence bit for bit, across epochs with a partial last batch, and resumes from any
/// progress; a custom loss is refused with a message on more than one rank.
/// </summary>
public sealed class DataParallelTrainerTests
{
    private static TrainingPlan Plan(Loss loss, Activation output)
    {
        var network = Network.Create(6, loss, (16, Activation.Tanh), (12, Activation.Relu), (3, output)).ThrowIfFail();
        var random = new Random(3);
        var features = Tensor.Build(150, 6, (_, _) => random.NextDouble() * 2 - 1);
        var targets = Tensor.Build(150, 3, (r, j) => (r * 7 + 3) % 3 == j ? 1.0 : 0.0);
        var data = Dataset.Create(features, targets).ThrowIfFail();
        var optimizer = Transform.Chain(Transform.ClipByGlobalNorm(1.0), Transform.ScaleByAdam(),
            Transform.ScaleByLearningRate(Schedule.CosineDecay(0.01, 20, 0.1)));
        return TrainingPlan.Create(network, optimizer, data, RandomKey.FromSeed(9), batchSize: 70).ThrowIfFail();
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void K_ranks_yield_the_one_process_sequence_and_resume_from_any_progress(int ranks)
    {
        var plan = Plan(Loss.SoftmaxCrossEntropy, Activation.Softmax);
        var start = MiniBatchTrainer.Start(plan, Initializer.HeUniform.Initialize(plan.Network, RandomKey.FromSeed(1)));
        var reference = MiniBatchTrainer.Run(plan, start).Take(8).ToList();
        var runs = InProcessGroup.Run(ranks, c =>
        {
            var first = DataParallelTrainer.Run(plan, start, c).Take(4).ToList();
            var resumed = DataParallelTrainer.Run(plan, first[^1], c).Take(4);
            return first.Concat(resumed).ToList();
        });
        foreach (var run in runs)
            for (var i = 0; i < reference.Count; i++)
            {
                Assert.Equal(reference[i].BatchLoss, run[i].BatchLoss);
                Assert.Equal(reference[i].Parameters.ContentHash(), run[i].Parameters.ContentHash());
                Assert.Equal(reference[i].OptimizerState.ContentHash(), run[i].OptimizerState.ContentHash());
                Assert.Equal((reference[i].Epoch, reference[i].BatchInEpoch), (run[i].Epoch, run[i].BatchInEpoch));
            }
        Assert.NotEqual(reference[0].Parameters.ContentHash(), reference[^1].Parameters.ContentHash());
    }

    [Fact]
    public void A_custom_loss_is_refused_on_more_than_one_rank_with_the_reason()
    {
        var custom = Loss.Custom("mine", (y, t) => 0.0, (y, t) => y);
        var plan = Plan(custom, Activation.Sigmoid);
        var answers = InProcessGroup.Run(2, c => DataParallelTrainer.Supports(plan, c).Match(Succ: _ => "", Fail: e => e.Message));
        Assert.All(answers, a => Assert.Contains("custom loss cannot be split by rows across 2 ranks", a));
        Assert.True(InProcessGroup.Run(1, c => DataParallelTrainer.Supports(plan, c).IsSucc)[0]);
    }
}
