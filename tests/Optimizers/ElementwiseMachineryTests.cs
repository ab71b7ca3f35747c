using Functional.NN.Compute;
using Functional.NN.Model;
using Functional.NN.Optimizers;
using Functional.NN.Optimizers.Elementwise;
using Functional.NN.Tensors;
using Xunit;

namespace Functional.NN.Tests.Optimizers;

/// <summary>
/// The element-wise machinery below the optimizers: each lane type's arithmetic, the recycler of step arrays (an array
/// comes back two steps later, never twice in one step), the refusal of a gradient of another length, and a masked
/// transformation run over a tensor longer than one block.
/// </summary>
public sealed class ElementwiseMachineryTests
{
    [Fact]
    public void Every_lane_type_subtracts_lane_by_lane()
    {
        var result = new double[8];
        (Scalar<double>.Of(5) - Scalar<double>.Of(3)).Store(result, 0);
        Assert.Equal(2.0, result[0]);
        (Lanes256<double>.Of(5) - Lanes256<double>.Of(1.5)).Store(result, 0);
        Assert.Equal([3.5, 3.5, 3.5, 3.5], result[..4]);
        (Lanes512<double>.Of(1) - Lanes512<double>.Load([8.0, 7, 6, 5, 4, 3, 2, 1], 0)).Store(result, 0);
        Assert.Equal([-7.0, -6, -5, -4, -3, -2, -1, 0], result);
    }

    [Fact]
    public void A_recycled_array_comes_back_two_steps_later_and_never_twice_in_a_step()
    {
        var arrays = StepArrays.Recycling();
        var first = arrays.Take(3);
        arrays.StepEnded();
        var second = arrays.Take(3);
        Assert.NotSame(first, second);
        arrays.StepEnded();
        Assert.Same(first, arrays.Take(3));
        var fresh = arrays.Take(3);
        Assert.NotSame(first, fresh);
        Assert.NotSame(second, fresh);
        arrays.StepEnded();
        arrays.StepEnded();
        arrays.StepEnded();
        var taken = Enumerable.Range(0, 4).Select(_ => arrays.Take(3)).ToArray();
        Assert.Equal(4, taken.Distinct(ReferenceEqualityComparer.Instance).Count());
    }

    [Fact]
    public void A_gradient_of_another_length_is_refused_with_both_lengths()
    {
        var sgd = Optimizer.Sgd(0.1);
        var step = sgd.Elementwise!.Begin<double>(new CountState(0), () => 0.0);
        var e = Assert.Throws<ArgumentException>(() =>
            ElementwisePass.StepTensor(ComputeBackend.Current, step, 3, Tensor.Zeros(2, 2), new double[3]));
        Assert.Equal("tensor 3: 3 gradients for 4 parameters", e.Message);
    }

    [Fact]
    public void A_masked_update_over_a_tensor_longer_than_a_block_is_the_tree_update()
    {
        var p = Parameters.FromTrustedLayers([new LayerTensors(Tensor.Build(3, 300, (r, c) => 0.001 * (r - c)), Tensor.Build(1, 3, (_, c) => c))]);
        var g = Gradients.ZerosLike(p).ZipScalars(p, (_, x) => Math.Sin(x) + 0.5);
        var masked = Transform.Masked(Transform.ScaleByAdam(), new ParameterMask([new LayerMask(Weights: false, Bias: true)]));
        var state = masked.Init(p);
        var (updates, next) = ElementwisePass.Update(masked.Elementwise!, g, state, p);
        var (reference, referenceState) = masked.Update(g, state, p);
        Assert.Equal(reference, updates);
        Assert.Equal(referenceState.ContentHash(), next.ContentHash());
    }

    [Fact]
    public void A_masked_step_over_a_long_unselected_span_gives_its_copy_back_to_the_pool()
    {
        // Spans longer than the stack copy's 512 numbers go through a pooled copy; kept instead of given back, each
        // call would allocate a new 8 KB array.
        var p = Parameters.FromTrustedLayers([new LayerTensors(Tensor.Build(1, 1000, (_, c) => 0.001 * c), Tensor.Zeros(1, 1))]);
        var masked = Transform.Masked(Transform.ScaleByAdam(), new ParameterMask([new LayerMask(Weights: false, Bias: true)]));
        var step = masked.Elementwise!.Begin<double>(masked.Init(p), () => 0.0);
        var u = new double[1000];
        for (var i = 0; i < 200; i++) step.Run(0, 0, u, p[0].Weights.Span, 1);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++) step.Run(0, 0, u, p[0].Weights.Span, 1);
        var bytes = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(bytes < 1024, $"{bytes} bytes over 100 calls");
    }
}
