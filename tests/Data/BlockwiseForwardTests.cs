using Functional.NN.Activations;
using Functional.NN.Data;
using Functional.NN.Initialization;
using Functional.NN.Losses;
using Functional.NN.Model;
using Functional.NN.Passes;
using Functional.NN.Randomness;
using Functional.NN.Tensors;
using Xunit;

namespace Functional.NN.Tests.Data;

/// <summary>
/// <see cref="BlockwiseForward.Run"/> runs the forward pass over blocks of rows; every block size gives the logits and
/// outputs of one pass over the whole dataset, bit for bit, including a last block shorter than the others.
/// </summary>
public sealed class BlockwiseForwardTests
{
    private static readonly Network Net =
        Network.Create(3, Loss.SoftmaxCrossEntropy, (4, Activation.Tanh), (2, Activation.Softmax)).ThrowIfFail();

    private static readonly Parameters Weights = Initializer.XavierNormal.Initialize(Net, RandomKey.FromSeed(7));

    private static readonly Dataset Data = Dataset.Create(
        Sampling.Normal(RandomKey.FromSeed(8), 7, 3, 0, 1), Tensor.Build(7, 2, (r, c) => (r + c) % 2)).ThrowIfFail();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(BlockwiseForward.DefaultBlockRows)]
    public void Every_block_size_gives_the_whole_pass_row_for_row(int blockRows)
    {
        var whole = ForwardPass.Run(Net, Weights, Data.Features);
        var (logits, outputs) = BlockwiseForward.Run(Net, Weights, Data, blockRows);
        Assert.Equal((7, 2), (logits.Rows, logits.Columns));
        Assert.Equal((7, 2), (outputs.Rows, outputs.Columns));
        Assert.Equal(whole.Logits.ToArray(), logits.ToArray());
        Assert.Equal(whole.Output.ToArray(), outputs.ToArray());
    }

    [Fact]
    public void Without_a_block_size_the_rows_go_in_one_block_of_at_most_512() =>
        Assert.Equal(ForwardPass.Run(Net, Weights, Data.Features).Output.ToArray(), BlockwiseForward.Run(Net, Weights, Data).Outputs.ToArray());

    [Fact]
    public void A_block_of_no_rows_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => BlockwiseForward.Run(Net, Weights, Data, 0));
}
