using System.Collections.Immutable;
using Functional.NN.Activations;
using Functional.NN.Experiments.Runs;
using Functional.NN.Experiments.Storage;
using Functional.NN.Data;
using Functional.NN.Initialization;
using Functional.NN.Losses;
using Functional.NN.Model;
using Functional.NN.Optimizers;
using Functional.NN.Randomness;
using Functional.NN.Training;
using Xunit;

namespace Functional.NN.Tests.App.Storage;

/// <summary>Checkpoints round-trip to an equal state for every optimizer-state kind; damaged files are always rejected.</summary>
public sealed class CheckpointFileTests
{
    private static readonly Network Network =
        Network.Create(3, Loss.SoftmaxCrossEntropy, (4, Activation.Tanh), (2, Activation.Softmax)).ThrowIfFail();

    public static TheoryData<string> Optimizers => ["sgd", "sgd_momentum", "nesterov", "adam", "adamw", "rmsprop", "clipped_adam", "empty", "count", "bare_adam"];

    private static GradientTransformation OptimizerNamed(string name) => name switch
    {
        "sgd" => Optimizer.Sgd(0.1),
        "sgd_momentum" => Optimizer.SgdMomentum(0.1, 0.9),
        "nesterov" => Optimizer.SgdMomentum(Schedule.CosineDecay(0.1, 50), 0.8, nesterov: true),
        "adam" => Optimizer.Adam(0.01),
        "adamw" => Optimizer.AdamW(0.01, weightDecay: 0.1),
        "rmsprop" => Optimizer.RmsProp(0.01),
        "clipped_adam" => Transform.Chain(Transform.ClipByGlobalNorm(0.5), Optimizer.Adam(0.01)),
        "empty" => Transform.Identity(),
        "count" => Transform.ScaleByLearningRate(0.1),
        "bare_adam" => Transform.ScaleByAdam(),
        _ => throw new ArgumentException(name),
    };

    /// <summary>A checkpoint after <paramref name="steps"/> real updates with the named optimizer.</summary>
    internal static Checkpoint<double> After(string optimizer, int steps)
    {
        var key = RandomKey.FromSeed(11);
        var features = Enumerable.Range(0, 10).Select(i => new[] { key.Normal(3 * i), key.Normal(3 * i + 1), key.Normal(3 * i + 2) }).ToArray();
        var targets = Enumerable.Range(0, 10).Select(i => i % 2 == 0 ? new[] { 1.0, 0.0 } : [0.0, 1.0]).ToArray();
        var data = Dataset.Create(features, targets).ThrowIfFail();
        var plan = TrainingPlan.Create(Network, OptimizerNamed(optimizer), data, key.Fold(1), batchSize: 4).ThrowIfFail();
        var start = MiniBatchTrainer.Start(plan, Initializer.XavierUniform.Initialize(Network, key.Fold(2), Initializer.Uniform(-0.1, 0.1)));
        var progress = steps == 0 ? start : MiniBatchTrainer.Run(plan, start).Take(steps).Last();
        return new Checkpoint<double>("e" + new string('0', 63), "d" + new string('1', 63), progress, 0.1 + 0.2, 1.0 / 3,
            [new MetricsRow(1, 3, 0.6931471805599453, 0.5, null, 0.01, 0.123), new MetricsRow(2, 6, 1e-300, null, 0.75, 5e-324, 12.5)],
            new BestEpoch(1, 0.5));
    }

    [Theory]
    [MemberData(nameof(Optimizers))]
    public void Round_trips_to_an_equal_checkpoint(string optimizer)
    {
        foreach (var steps in new[] { 0, 5 })
        {
            var checkpoint = After(optimizer, steps);
            var bytes = FinAssert.Succeeds(CheckpointFile.Encode(checkpoint));
            var read = FinAssert.Succeeds(CheckpointFile.Decode<double>("c.ckpt", bytes, Network));
            Assert.Equal(checkpoint, read);
            Assert.Equal(checkpoint.Progress, read.Progress);
            Assert.Equal(checkpoint.Progress.OptimizerState.ContentHash(), read.Progress.OptimizerState.ContentHash());
            Assert.Equal(bytes, FinAssert.Succeeds(CheckpointFile.Encode(read)));
        }
    }

    [Fact]
    public void Every_state_kind_is_covered()
    {
        var names = new[] { "sgd", "sgd_momentum", "nesterov", "adam", "adamw", "rmsprop", "clipped_adam", "empty", "count", "bare_adam" };
        var kinds = names.SelectMany(o => Kinds(After(o, 3).Progress.OptimizerState)).ToHashSet();
        Assert.Equal(new[] { "adam", "chain", "count", "empty", "momentum", "rms" }, kinds.Order());
    }

    [Fact]
    public void Save_and_load_through_a_file()
    {
        using var temp = new TempDirectory();
        var checkpoint = After("adamw", 4);
        FinAssert.Succeeds(CheckpointFile.Save(temp.File("c.ckpt"), checkpoint));
        Assert.Equal(checkpoint, FinAssert.Succeeds(CheckpointFile.Load<double>(temp.File("c.ckpt"), Network)));
        Assert.Equal(["c.ckpt"], temp.FileNames());
    }

    [Fact]
    public void Every_truncation_is_rejected()
    {
        var bytes = FinAssert.Succeeds(CheckpointFile.Encode(After("adam", 2)));
        for (var length = 0; length < bytes.Length; length += length < 200 ? 1 : 97)
            FinAssert.Fails(CheckpointFile.Decode<double>("c.ckpt", bytes[..length], Network));
    }

    [Fact]
    public void Bit_flips_anywhere_are_rejected()
    {
        var bytes = FinAssert.Succeeds(CheckpointFile.Encode(After("rmsprop", 2)));
        var random = new Random(20241126);
        for (var trial = 0; trial < 400; trial++)
        {
            var damaged = (byte[])bytes.Clone();
            var position = trial < 100 ? trial : random.Next(bytes.Length);
            damaged[position] ^= (byte)(1 << random.Next(8));
            FinAssert.Fails(CheckpointFile.Decode<double>("c.ckpt", damaged, Network));
        }
    }

    [Fact]
    public void A_model_file_is_not_a_checkpoint()
    {
        var model = FinAssert.Succeeds(ModelFile.Encode(Network, After("sgd", 1).Progress.Parameters, "x"));
        FinAssert.FailsWith(CheckpointFile.Decode<double>("m.fnn", model, Network), "not a Functional.NN checkpoint file: it holds 'fnn-model', expected 'fnn-checkpoint'");
    }

    [Fact]
    public void The_directory_keeps_the_newest_and_falls_back_past_damaged_ones()
    {
        using var temp = new TempDirectory();
        var folder = new CheckpointDirectory(temp.File("checkpoints"), Keep: 2);
        var states = new[] { 1, 2, 3 }.Select(s => After("adam", s)).ToArray();
        foreach (var state in states) FinAssert.Succeeds(folder.Save(state));
        Assert.Equal([3L, 2L], folder.Files().Select(f => f.Step));

        File.WriteAllBytes(folder.FileOf(3), File.ReadAllBytes(folder.FileOf(3))[..100]);
        var (good, path, skipped) = folder.LatestGood<double>(Network, states[0].ExperimentHash, states[0].DataSha256);
        Assert.Equal(states[1], good);
        Assert.Equal(folder.FileOf(2), path);
        Assert.Contains("truncated", Assert.Single(skipped));

        var (other, _, rejected) = folder.LatestGood<double>(Network, "another", states[0].DataSha256);
        Assert.Null(other);
        Assert.Contains("belongs to another experiment", rejected[1]);

        FinAssert.Succeeds(folder.Save(After("adam", 2) with { EpochSeconds = 9 }));
        Assert.Equal([2L], folder.Files().Select(f => f.Step).Where(s => s > 1));
    }

    private static IEnumerable<string> Kinds(OptimizerState state) =>
        state is ChainState chain ? chain.States.SelectMany(Kinds).Prepend(chain.Kind) : [state.Kind];
}
