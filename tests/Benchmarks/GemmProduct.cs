namespace Functional.NN.Benchmarks;

/// <summary>
/// The three matrix products of one SGD step of the 784-256-128-10 network at batch 128, each at the shape of its
/// largest instance.
/// </summary>
public enum GemmProduct
{
    /// <summary>Z[128 x 256] = X[128 x 784] · Wᵀ, W stored [256 x 784]: the first layer's forward product.</summary>
    Forward,

    /// <summary>G[256 x 784] = Δᵀ · X, Δ stored [128 x 256]: the first layer's weight gradient.</summary>
    WeightGradient,

    /// <summary>Δ₁[128 x 256] = Δ₂[128 x 128] · W₂[128 x 256]: the delta sent down from the second layer.</summary>
    Delta,
}
