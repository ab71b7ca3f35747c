using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
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
/// <see cref="BlockwiseForward.Run"/> gives, for every block size, the bits of one forward pass over the whole data set
/// (<see cref="ForwardPass.Run(Network, Parameters, Tensor)"/>), for data held as doubles and as standardized byte rows.
/// </summary>
public sealed class BlockwiseForwardProperties
{
    /// <summary>(examples, features, block rows, softmax output or sigmoid, byte rows or doubles, key).</summary>
    internal static Arbitrary<(int Count, int Features, int BlockRows, bool Softmax, bool Bytes, RandomKey Key)> Cases =>
        (from count in Gen.Choose(1, 60)
         from features in Gen.Choose(1, 9)
         from blockRows in Gen.Choose(1, 70)
         from softmax in Gen.Elements(true, false)
         from bytes in Gen.Elements(true, false)
         from key in IndexedData.Keys
         select (count, features, blockRows, softmax, bytes, key))
        .ToArbitrary();

    [Property(MaxTest = 150)]
    public Property Every_block_size_gives_the_bits_of_one_pass_over_all_rows() =>
        Prop.ForAll(Cases, c =>
        {
            var network = c.Softmax
                ? Network.Create(c.Features, Loss.SoftmaxCrossEntropy, (5, Activation.Relu), (3, Activation.Tanh), (4, Activation.Softmax)).ThrowIfFail()
                : Network.Create(c.Features, Loss.BinaryCrossEntropy, (6, Activation.Elu), (4, Activation.Sigmoid)).ThrowIfFail();
            var parameters = Initializer.HeUniform.Initialize(network, c.Key.Fold(0));
            var targets = Tensor.Build(c.Count, network.OutputSize, (r, k) => (r + k) % 2);
            var data = c.Bytes ? FromBytes(c, targets) : Dataset.Create(Sampling.Normal(c.Key.Fold(2), c.Count, c.Features, 0.0, 3.0), targets).ThrowIfFail();
            var whole = ForwardPass.Run(network, parameters, data.Features);
            var (logits, outputs) = BlockwiseForward.Run(network, parameters, data, c.BlockRows);
            return (logits.Equals(whole.Logits) && outputs.Equals(whole.Output)).Label($"{c.Count} rows in blocks of {c.BlockRows}");
        });

    [Fact]
    public void Features_that_do_not_fit_the_network_are_named()
    {
        var network = Network.Create(3, Loss.MeanSquaredError, (2, Activation.Identity)).ThrowIfFail();
        var parameters = Initializer.HeUniform.Initialize(network, RandomKey.FromSeed(1));
        var data = Dataset.Create(Tensor.Build(4, 5, (r, k) => r + k), Tensor.Build(4, 2, (_, _) => 0.0)).ThrowIfFail();
        var error = Assert.Throws<ArgumentException>(() => BlockwiseForward.Run(network, parameters, data));
        Assert.Contains("5", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => BlockwiseForward.Run(network, parameters, data, 0));
    }

    /// <summary>A block may be longer than the data set (<c>int.MaxValue</c>: "one block"); its buffers are then only as long as the data.</summary>
    [Fact]
    public void A_block_longer_than_the_data_set_is_one_pass_over_all_rows()
    {
        var network = Network.Create(3, Loss.SoftmaxCrossEntropy, (4, Activation.Tanh), (2, Activation.Softmax)).ThrowIfFail();
        var parameters = Initializer.HeUniform.Initialize(network, RandomKey.FromSeed(7));
        var data = Dataset.Create(Tensor.Build(5, 3, (r, k) => r - k), Tensor.Build(5, 2, (r, k) => (r + k) % 2)).ThrowIfFail();
        var whole = ForwardPass.Run(network, parameters, data.Features);
        var (logits, outputs) = BlockwiseForward.Run(network, parameters, data, int.MaxValue);
        Assert.Equal(whole.Logits, logits);
        Assert.Equal(whole.Output, outputs);
    }

    [Fact]
    public void The_whole_messages_of_parameters_and_features_that_do_not_fit()
    {
        var network = Network.Create(3, Loss.MeanSquaredError, (2, Activation.Identity)).ThrowIfFail();
        var other = Network.Create(3, Loss.MeanSquaredError, (4, Activation.Identity)).ThrowIfFail();
        var data = Dataset.Create(Tensor.Build(4, 3, (r, k) => r + k), Tensor.Build(4, 2, (_, _) => 0.0)).ThrowIfFail();
        Assert.Equal("parameters W[4 x 3] b[1 x 4] do not fit network 3-2 identity mse",
            Assert.Throws<ArgumentException>(() => BlockwiseForward.Run(network, Parameters.Zeros(other), data)).Message);
        var wider = Dataset.Create(Tensor.Build(4, 5, (r, k) => r + k), Tensor.Build(4, 2, (_, _) => 0.0)).ThrowIfFail();
        Assert.Equal("layer 1 expects 3 inputs, got 5",
            Assert.Throws<ArgumentException>(() => BlockwiseForward.Run(network, Parameters.Zeros(network), wider)).Message);
    }

    /// <summary>A data set of the case's standardized byte rows, in reverse order.</summary>
    internal static Dataset FromBytes((int Count, int Features, int BlockRows, bool Softmax, bool Bytes, RandomKey Key) c, Tensor targets)
    {
        var pixels = Sampling.Uniform(c.Key.Fold(1), c.Count, c.Features, 0.0, 256.0).ToArray().Select(u => (byte)Math.Min(u, 255)).ToArray();
        var rows = FeatureRows.FromBytes(ImmutableArray.Create(pixels), 0, c.Count, c.Features, 255.0).ThrowIfFail();
        var all = Enumerable.Range(0, c.Count).ToArray();
        return Dataset.FromRows(rows, targets, all.Reverse().ToArray(), Standardizer.Fit(rows, all)).ThrowIfFail();
    }
}
