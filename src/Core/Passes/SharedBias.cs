using System.Collections.Immutable;
using Functional.NN.Model;
using Functional.NN.Tensors;

namespace Functional.NN.Passes;

/// <summary>
/// Gradients for layers whose units share one bias value, as in the tutorial (one b1 for both hidden
/// neurons, one b2 for both outputs). With b_j = β for every unit j, dL/dβ = Σ_j dL/db_j; giving every
/// unit that sum keeps equal biases equal under any element-wise optimizer, so the per-unit biases
/// follow exactly the shared value's trajectory.
/// </summary>
public static class SharedBias
{
    /// <summary>Each layer's bias gradient replaced by the sum over its units, on every unit.</summary>
    public static Gradients Tie(Gradients gradients) =>
        new(gradients.Layers.Select(layer => layer with
        {
            Bias = Tensor.Filled(1, layer.Bias.Columns, TensorAlgebra.Sum(layer.Bias)),
        }).ToImmutableArray());
}
