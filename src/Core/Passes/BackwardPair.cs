using Functional.NN.Compute;

namespace Functional.NN.Passes;

/// <summary>
/// The two independent halves of one layer's backward step: its parameter gradient, dL/dW_l = δ_lᵀ a_(l-1), and
/// the delta below it, δ_(l-1) = f'(z_(l-1)) ⊙ (δ_l W_l). Their products have the same multiply-add count
/// (units · inputs · batch). On exactly two threads they run side by side, each whole on one thread: two whole
/// products finish sooner than each split in halves one after the other. Every product is still computed in
/// the blocks its backend always uses for it (a split nested in one of the two runs inline), so the numbers are
/// those of running the two one after the other.
/// </summary>
internal static class BackwardPair
{
    /// <summary>Runs <paramref name="gradient"/> and <paramref name="below"/>, side by side when the backend has two threads.</summary>
    public static void Run(ComputeBackend backend, Action gradient, Action below)
    {
        if (backend.Threads == 2)
        {
            backend.ParallelFor(2, part => (part == 0 ? gradient : below)());
            return;
        }
        gradient();
        below();
    }
}
