using Functional.NN.Activations;
using Functional.NN.Data;
using Functional.NN.Losses;
using Functional.NN.Model;
using Functional.NN.Optimizers.Elementwise;
using Functional.NN.Tensors;
using Xunit;

namespace Functional.NN.Tests.Data;

/// <summary>
/// Products of sizes that do not fit an <c>int</c> are refused with an <see cref="OverflowException"/> before any array
/// is sized, instead of wrapping around to a small length: 65536 x 65536 is 2^32, which wraps to 0. The data here is
/// small (a row of 65536 bytes taken 65536 times; 65537 examples of one feature), only the products are large.
/// </summary>
public sealed class SizeOverflowTests
{
    private const int Wide = 1 << 16;

    /// <summary>One stored row of <see cref="Wide"/> zero bytes, taken <see cref="Wide"/> times (no row is converted to check it: every byte value is finite).</summary>
    private static Dataset WideView() =>
        Dataset.FromRows(FeatureRows.FromBytes([.. new byte[Wide]], 0, 1, Wide, 1.0).ThrowIfFail(), Tensor.Zeros(1, 1), new int[Wide]).ThrowIfFail();

    [Fact]
    public void A_confusion_matrix_of_65536_classes_is_refused()
    {
        Assert.Throws<OverflowException>(() => ConfusionMatrix.Of([], [], Wide));
        Assert.Equal(1, ConfusionMatrix.Of([1], [1], 2).ThrowIfFail()[1, 1]);
    }

    [Fact]
    public void Rows_of_a_view_whose_numbers_do_not_fit_one_array_are_refused()
    {
        var view = WideView();
        Assert.Equal((Wide, Wide), (view.Count, view.FeatureCount));
        Assert.Throws<OverflowException>(() => view.Features);
        Assert.Throws<OverflowException>(() => view.GatherBatch(new int[Wide], StepArrays.Fresh));
        Assert.Equal(Wide, view.TakeRows([0]).Features.Length);
    }

    [Fact]
    public void A_gathered_batch_whose_features_or_targets_do_not_fit_one_array_is_refused()
    {
        var wideFeatures = Dataset.Create(Tensor.Zeros(1, Wide), Tensor.Zeros(1, 1)).ThrowIfFail();
        Assert.Throws<OverflowException>(() => wideFeatures.GatherBatch(new int[Wide], StepArrays.Fresh));
        var wideTargets = Dataset.Create(Tensor.Zeros(1, 1), Tensor.Zeros(1, Wide)).ThrowIfFail();
        Assert.Throws<OverflowException>(() => wideTargets.GatherBatch(new int[Wide], StepArrays.Fresh));
        Assert.Equal(Wide, wideTargets.GatherBatch([0], StepArrays.Fresh).Targets.Length);
    }

    [Fact]
    public void Blockwise_outputs_or_a_block_of_inputs_that_do_not_fit_one_array_are_refused()
    {
        var wideOutput = Network.Create(1, Loss.MeanSquaredError, (Wide, Activation.Identity)).ThrowIfFail();
        var examples = Dataset.Create(Tensor.Zeros(Wide + 1, 1), Tensor.Zeros(Wide + 1, 1)).ThrowIfFail();
        Assert.Throws<OverflowException>(() => BlockwiseForward.Run(wideOutput, Parameters.Zeros(wideOutput), examples, 1));

        var wideInput = Network.Create(Wide, Loss.MeanSquaredError, (1, Activation.Identity)).ThrowIfFail();
        var parameters = Parameters.Zeros(wideInput);
        Assert.Throws<OverflowException>(() => BlockwiseForward.Run(wideInput, parameters, WideView(), Wide));
    }
}
