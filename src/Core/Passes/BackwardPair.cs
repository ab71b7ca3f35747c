using System.Numerics;
using Functional.NN.Compute;
using Functional.NN.Tensors;

namespace Functional.NN.Passes;

/// <summary>
/// The two independent halves of one layer's backward step: its parameter gradient, dL/dW_l = δ_lᵀ a_(l-1), and
/// the delta below it, δ_(l-1) = f'(z_(l-1)) ⊙ (δ_l W_l). Their products have the same multiply-add count
/// (units · inputs · batch). On exactly two threads, when each has at least 2^20 multiply-adds (smaller ones
/// finish sooner one after the other than the hand-over costs), they run side by side, each on
/// the backend's one-threaded sibling: two whole products at once finish sooner than each split in halves, one
/// after the other. The backward pass and the training step both go through <see cref="LayerBackward.Run"/>, which makes
/// this choice, so they get the same numbers.
/// </summary>
internal static class BackwardPair
{
    /// <summary>Multiply-adds per product below which the pair is not worth two threads.</summary>
    private const long ParallelThreshold = 1L << 20;

    /// <summary>Whether a layer of <paramref name="weights"/> on a batch of <paramref name="rows"/> runs its pair side by side.</summary>
    // Stryker disable once all : side by side or one after the other, the gradient and the delta below are the same bits (ThreadSplitPassTests); the threshold only changes the speed
    public static bool SideBySide<T>(ComputeBackend backend, int rows, Tensor<T> weights) where T : unmanaged, IFloatingPointIeee754<T> =>
        backend.Threads == 2 && (long)rows * weights.Rows * weights.Columns >= ParallelThreshold;

    /// <summary>Runs <paramref name="gradient"/> and <paramref name="below"/> side by side, each given the backend's one-threaded sibling.</summary>
    public static void Run(ComputeBackend backend, Action<ComputeBackend> gradient, Action<ComputeBackend> below)
    {
        var single = backend.OneThreaded;
        // Stryker disable once Equality : which of the two threads takes which half changes nothing; each writes its own buffers
        backend.ParallelFor(2, part => (part == 0 ? gradient : below)(single));
    }
}
