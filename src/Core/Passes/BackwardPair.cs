using Functional.NN.Compute;

namespace Functional.NN.Passes;

/// <summary>
/// The two independent halves of one layer's backward step: its parameter gradient, dL/dW_l = δ_lᵀ a_(l-1), and
/// the delta below it, δ_(l-1) = f'(z_(l-1)) ⊙ (δ_l W_l). Their products have the same multiply-add count
/// (units · inputs · batch). On exactly two threads they run side by side, each on the backend's one-threaded
/// sibling: two whole products at once finish sooner than each split in halves, one after the other. Every
/// caller of the pair (the backward pass and the fused SGD step) gets the same numbers from it.
/// </summary>
internal static class BackwardPair
{
    /// <summary>
    /// Runs <paramref name="gradient"/> and <paramref name="below"/>, each given the backend to compute on: side by
    /// side on one thread each when the backend has two threads, otherwise one after the other on the backend.
    /// </summary>
    public static void Run(ComputeBackend backend, Action<ComputeBackend> gradient, Action<ComputeBackend> below)
    {
        if (backend.Threads == 2)
        {
            var single = backend.OneThreaded;
            backend.ParallelFor(2, part => (part == 0 ? gradient : below)(single));
            return;
        }
        gradient(backend);
        below(backend);
    }
}
