using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Functional.NN.Activations;
using Functional.NN.Data;
using Functional.NN.Initialization;
using Functional.NN.Losses;
using Functional.NN.Model;
using Functional.NN.Optimizers;
using Functional.NN.Passes;
using Functional.NN.Randomness;
using Functional.NN.Tensors;
using Functional.NN.Training;
using Xunit;

namespace Functional.NN.Tests.Training;

/// <summary>Mini-batch training: epochs, data order, optimizer state, and exact resumption.</summary>
public sealed class MiniBatchTrainerTests
{
    private static readonly Network Net =
        Network.Create(3, Loss.SoftmaxCrossEntropy, (5, Activation.Tanh), (3, Activation.Softmax)).ThrowIfFail();

    private static readonly Dataset Data = Dataset.Create(
        Sampling.Normal(RandomKey.FromSeed(1), 10, 3, 0, 1),
        ClassLabels.OneHot(Enumerable.Range(0, 10).Select(i => i % 3).ToArray(), 3).ThrowIfFail()).ThrowIfFail();

    private static TrainingPlan Plan(GradientTransformation optimizer, PartialBatch partial = PartialBatch.Keep) =>
        TrainingPlan.Create(Net, optimizer, Data, RandomKey.FromSeed(3), batchSize: 3, partial).ThrowIfFail();

    private static TrainingProgress Start(TrainingPlan plan) =>
        MiniBatchTrainer.Start(plan, Initializer.XavierUniform.Initialize(Net, RandomKey.FromSeed(2)));

    [Property(MaxTest = 30)]
    public Property Resuming_from_any_step_continues_exactly()
    {
        var plan = Plan(Optimizer.Adam(0.01));
        var uninterrupted = MiniBatchTrainer.Run(plan, Start(plan)).Take(21).Last();
        return Prop.ForAll(Gen.Choose(1, 20).ToArbitrary(), k =>
        {
            var saved = MiniBatchTrainer.Run(plan, Start(plan)).Take(k).Last();
            var resumed = MiniBatchTrainer.Run(plan, saved).Take(21 - k).Last();
            return resumed.Equals(uninterrupted) && resumed.Parameters.ContentHash() == uninterrupted.Parameters.ContentHash();
        });
    }

    [Fact]
    public void Every_epoch_visits_every_example_once_in_its_own_order()
    {
        var plan = Plan(Optimizer.Sgd(0.1));
        Assert.Equal(4, plan.BatchesPerEpoch);
        var first = plan.BatchesOf(0);
        var second = plan.BatchesOf(1);
        Assert.Equal(new[] { 3, 3, 3, 1 }, first.Select(b => b.Size));
        Assert.Equal(Rows(Data.Features).Order(), first.SelectMany(b => Rows(b.Inputs)).Order());
        Assert.NotEqual(first.SelectMany(b => Rows(b.Inputs)), second.SelectMany(b => Rows(b.Inputs)));
        Assert.True(first.SequenceEqual(plan.BatchesOf(0)), "epoch 0 has the same batches every time");
    }

    [Fact]
    public void Steps_move_through_epochs_and_record_each_batch_loss()
    {
        var plan = Plan(Optimizer.Sgd(0.1), PartialBatch.Drop);
        var start = Start(plan);
        var steps = MiniBatchTrainer.Run(plan, start).Take(7).ToList();
        Assert.Equal(new long[] { 1, 2, 3, 4, 5, 6, 7 }, steps.Select(s => s.Step));
        Assert.Equal(new[] { 0, 0, 0, 1, 1, 1, 2 }, steps.Select(s => s.Epoch));
        Assert.Equal(new[] { 1, 2, 3, 1, 2, 3, 1 }, steps.Select(s => s.BatchInEpoch));
        Assert.Equal(new[] { false, false, true, false, false, true, false }, steps.Select(s => MiniBatchTrainer.EndsEpoch(plan, s)));
        var firstBatch = plan.BatchesOf(0)[0];
        Assert.Equal(ForwardPass.Loss(Net, start.Parameters, firstBatch), steps[0].BatchLoss);
        var expected = Optimizer.Sgd(0.1).Step(start.Parameters, Backpropagation.Gradient(Net, start.Parameters, firstBatch), start.OptimizerState);
        Assert.Equal(expected.Parameters, steps[0].Parameters);
    }

    [Fact]
    public void A_hand_written_step_gives_the_progress_of_the_built_in_one()
    {
        // The user's own train_step, written with the public API only: value and gradient, the optimizer's
        // tree-level update, then applying it.
        var adam = Optimizer.Adam(Schedule.CosineDecay(0.01, 10));
        var plan = Plan(adam);
        StepResult HandWritten(Parameters p, OptimizerState s, Batch batch)
        {
            var vg = Backpropagation.ValueAndGradient(Net, p, batch);
            var (updates, next) = adam.Update(vg.Gradients, s, p);
            return new StepResult(vg.Value, p.Apply(updates), next);
        }
        var builtIn = MiniBatchTrainer.Run(plan, Start(plan)).Take(9).ToList();
        var own = MiniBatchTrainer.Run(plan, Start(plan), HandWritten).Take(9).ToList();
        Assert.Equal(builtIn.Select(p => p.BatchLoss), own.Select(p => p.BatchLoss));
        Assert.Equal(builtIn.Select(p => (p.Step, p.Epoch, p.BatchInEpoch)), own.Select(p => (p.Step, p.Epoch, p.BatchInEpoch)));
        Assert.Equal(builtIn.Select(p => p.Parameters.ContentHash()), own.Select(p => p.Parameters.ContentHash()));
        Assert.Equal(builtIn.Select(p => p.OptimizerState.ContentHash()), own.Select(p => p.OptimizerState.ContentHash()));
        Assert.NotEqual(builtIn[0].Parameters.ContentHash(), builtIn[^1].Parameters.ContentHash());
    }

    [Fact]
    public void A_step_function_decides_every_update()
    {
        // A step that never moves: the trainer only threads its results through.
        var plan = Plan(Optimizer.Sgd(0.1));
        var start = Start(plan);
        var progress = MiniBatchTrainer.Run(plan, start, (p, s, batch) => new StepResult(batch.Size, p, s)).Take(5).ToList();
        Assert.All(progress, p => Assert.Same(start.Parameters, p.Parameters));
        Assert.Equal(new double?[] { 3, 3, 3, 1, 3 }, progress.Select(p => p.BatchLoss));
    }

    [Fact]
    public void A_plan_whose_data_does_not_fit_the_network_is_an_error()
    {
        var error = TrainingPlan.Create(Net, Optimizer.Sgd(0.1), Dataset.Create(
            Sampling.Normal(RandomKey.FromSeed(1), 10, 2, 0, 1), Data.Targets).ThrowIfFail(), RandomKey.FromSeed(3), 3);
        Assert.True(error.IsFail);
        Assert.Contains("2 features, the network expects 3", error.Match(_ => "", e => e.Message));
        Assert.True(TrainingPlan.Create(Net, Optimizer.Sgd(0.1), Data, RandomKey.FromSeed(3), 0).IsFail);
    }

    private static IEnumerable<string> Rows(Tensor t) =>
        Enumerable.Range(0, t.Rows).Select(r => string.Join(",", t.Row(r).ToArray().Select(x => x.ToString("R"))));
}
