using Functional.NN.Activations;
using Functional.NN.Distributed;
using Functional.NN.Losses;
using Functional.NN.Model;
using Functional.NN.Tensors;
using Xunit;

namespace Functional.NN.Tests.Losses;

/// <summary>
/// Every built-in loss splits by rows (what data-parallel training relies on): its output delta on some rows of
/// a batch of B rows is, bit for bit, those rows of the delta of the whole batch, the mean's divisor being the
/// whole batch's. A custom loss does not split, and says so, word for word, wherever it is asked to.
/// </summary>
public sealed class RowSplitTests
{
    private const int BatchRows = 5;

    public static TheoryData<string, string> BuiltIn() => new()
    {
        { "half_sse", "sigmoid" }, { "half_sse", "tanh" }, { "mse", "tanh" }, { "mse", "identity" },
        { "bce", "sigmoid" }, { "bce_logits", "identity" }, { "softmax_ce", "softmax" },
    };

    [Theory]
    [MemberData(nameof(BuiltIn))]
    public void The_delta_of_some_rows_is_those_rows_of_the_whole_batchs_delta(string lossName, string activationName)
    {
        var loss = LossCatalog.FromName(lossName).ThrowIfFail();
        var activation = ActivationCatalog.FromName(activationName).ThrowIfFail();
        var (z, targets) = Batch(lossName, seed: lossName.Length * 31 + activationName.Length);
        var a = activation.Apply(z);
        Assert.True(loss.SplitsByRows, $"{lossName} splits by rows");
        var whole = loss.OutputDelta(activation, z, a, targets);
        foreach (var (from, count) in new[] { (0, 1), (1, 3), (4, 1), (2, 3) })
        {
            var part = loss.OutputDelta(activation, Rows(z, from, count), Rows(a, from, count), Rows(targets, from, count), BatchRows);
            Assert.Equal(Rows(whole, from, count).ToArray(), part.ToArray());
        }
    }

    [Fact]
    public void A_custom_loss_does_not_split_by_rows_and_says_so()
    {
        var custom = (OutputLoss)Loss.Custom("l1", (y, t) => 0.0, (y, t) => y);
        var (z, targets) = Batch("mse", seed: 7);
        Assert.False(custom.SplitsByRows);
        var delta = Assert.Throws<NotSupportedException>(() => custom.OutputDelta(Activation.Identity, Rows(z, 0, 2), Rows(z, 0, 2), Rows(targets, 0, 2), BatchRows));
        Assert.Equal("l1: the loss cannot be split by rows", delta.Message);
        var gradient = Assert.Throws<NotSupportedException>(() => custom.Gradient(z, targets, new double[z.Length], BatchRows));
        Assert.Equal("l1: the loss cannot be split by rows", gradient.Message);
        var term = Assert.Throws<NotSupportedException>(() => custom.RowTerm(z, z, targets, 0));
        Assert.Equal("l1: the loss is not a mean of row terms", term.Message);
        // On the whole batch it is the chain rule through the output activation, as always.
        Assert.Equal(z.ToArray(), custom.OutputDelta(Activation.Identity, z, z, targets, BatchRows).ToArray());
    }

    [Fact]
    public void Data_parallel_training_takes_every_built_in_loss_and_a_custom_loss_only_on_one_rank()
    {
        foreach (var loss in new[] { Loss.HalfSumSquaredError, Loss.MeanSquaredError, Loss.BinaryCrossEntropyWithLogits })
            Assert.True(DataParallelStep.Supports(Network.Create(2, loss, (1, Activation.Identity)).ThrowIfFail(), 3).IsSucc, loss.Name);
        Assert.True(DataParallelStep.Supports(Network.Create(2, Loss.BinaryCrossEntropy, (1, Activation.Sigmoid)).ThrowIfFail(), 2).IsSucc);
        Assert.True(DataParallelStep.Supports(Network.Create(2, Loss.SoftmaxCrossEntropy, (2, Activation.Softmax)).ThrowIfFail(), 2).IsSucc);
        var custom = Network.Create(2, Loss.Custom("l1", (y, t) => 0.0, (y, t) => y), (1, Activation.Identity)).ThrowIfFail();
        Assert.True(DataParallelStep.Supports(custom, 1).IsSucc);
        Assert.Equal("loss 'l1': a custom loss cannot be split by rows across 2 ranks; train it on one rank, or use a built-in loss",
            Model.ValidationMessage.Of(DataParallelStep.Supports(custom, 2)));
    }

    [Fact]
    public void Mean_squared_error_refuses_split_targets_of_another_shape()
    {
        var (z, targets) = Batch("mse", seed: 3);
        var error = Assert.Throws<ArgumentException>(() =>
            Loss.MeanSquaredError.OutputDelta(Activation.Identity, Rows(z, 0, 2), Rows(z, 0, 2), Rows(targets, 0, 3), BatchRows));
        Assert.Equal("Zip: shapes differ, [2 x 3] and [3 x 3]", error.Message);
    }

    /// <summary>Logits in (-3, 3) and targets the loss accepts: 0/1 for the binary losses, one-hot rows for softmax_ce.</summary>
    private static (Tensor Z, Tensor Targets) Batch(string loss, int seed)
    {
        var random = new Random(seed);
        double[][] Draw(Func<int, int, double> f) =>
            Enumerable.Range(0, BatchRows).Select(r => Enumerable.Range(0, 3).Select(c => f(r, c)).ToArray()).ToArray();
        var z = Draw((_, _) => 6 * random.NextDouble() - 3);
        var targets = loss switch
        {
            "bce" or "bce_logits" => Draw((_, _) => random.Next(2)),
            "softmax_ce" => Draw((r, c) => c == (r * 7 + seed) % 3 ? 1.0 : 0.0),
            _ => Draw((_, _) => 2 * random.NextDouble() - 1),
        };
        return (Tensor.FromRows(z).ThrowIfFail(), Tensor.FromRows(targets).ThrowIfFail());
    }

    private static Tensor Rows(Tensor t, int from, int count) =>
        Tensor.FromRows(Enumerable.Range(from, count).Select(r => t.Row(r).ToArray()).ToArray()).ThrowIfFail();
}
