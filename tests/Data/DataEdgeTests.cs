using Functional.NN.Data;
using Functional.NN.Optimizers.Elementwise;
using Functional.NN.Randomness;
using Functional.NN.Tensors;
using Xunit;

namespace Functional.NN.Tests.Data;

/// <summary>
/// The edges of the data helpers: a split that leaves exactly one example on either side, the values and raw bytes
/// of stored rows, and a gathered batch from stored or byte rows.
/// </summary>
public sealed class DataEdgeTests
{
    [Theory]
    [InlineData(10, 0.1, 1, 9)]
    [InlineData(3, 0.6, 2, 1)]
    [InlineData(2, 0.5, 1, 1)]
    [InlineData(4, 0.375, 2, 2)]
    public void A_split_may_leave_one_example_on_either_side(int count, double fraction, int validation, int training)
    {
        var rows = DataSplit.Rows(count, fraction, RandomKey.FromSeed(11)).ThrowIfFail();
        Assert.Equal((validation, training), (rows.Validation.Length, rows.Training.Length));
        Assert.Equal(Enumerable.Range(0, count), rows.Training.Concat(rows.Validation).Order());
    }

    [Fact]
    public void The_whole_message_of_a_split_that_leaves_a_side_empty() =>
        Assert.Equal("train/validation split: a fraction of 0.9 of 3 examples gives 3 for validation and 0 for training; both need at least 1",
            DataSplit.Rows(3, 0.9, RandomKey.FromSeed(1)).Match(_ => "(split)", e => e.Message));

    [Fact]
    public void Stored_rows_give_each_value_and_byte_rows_their_raw_bytes()
    {
        var bytes = FeatureRows.FromBytes([7, 0, 51, 102, 153, 204, 255], 1, 3, 2, 255.0).ThrowIfFail();
        Assert.Equal((3, 2), (bytes.Rows, bytes.Columns));
        Assert.Equal(0.0, bytes[0, 0]);
        Assert.Equal(102 / 255.0, bytes[1, 0]);
        Assert.Equal(1.0, bytes[2, 1]);
        Assert.Equal([102, 153], bytes.ByteRow(1).ToArray());
        Assert.True(bytes.IsBytes);
        var tensor = FeatureRows.Of(Tensor.Build(2, 3, (r, c) => 10 * r + c));
        Assert.Equal(12.0, tensor[1, 2]);
        Assert.False(tensor.IsBytes);
        Assert.Equal((2, 3), (tensor.Rows, tensor.Columns));
    }

    [Fact]
    public void A_gathered_batch_holds_the_rows_asked_for_in_their_order()
    {
        var data = IndexedData.Of(5);
        var batch = data.GatherBatch([3, 0, 3], StepArrays.Fresh);
        Assert.Equal([[3.0, -3.0], [0.0, 0.0], [3.0, -3.0]], batch.Inputs.ToRows());
        Assert.Equal([6.0, 0.0, 6.0], batch.Targets.ToArray());

        var stored = FeatureRows.FromBytes([0, 51, 102, 153, 204, 255], 0, 3, 2, 255.0).ThrowIfFail();
        var view = Dataset.FromRows(stored, Tensor.Build(3, 1, (r, _) => r), [2, 1]).ThrowIfFail();
        Assert.Equal(2, view.FeatureCount);
        var fromView = view.GatherBatch([1, 0], StepArrays.Fresh);
        Assert.Equal([[102 / 255.0, 153 / 255.0], [204 / 255.0, 1.0]], fromView.Inputs.ToRows());
        Assert.Equal([1.0, 2.0], fromView.Targets.ToArray());
    }
}
