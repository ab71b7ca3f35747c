using System.Numerics;
using Functional.NN.Losses;
using Functional.NN.Model;
using Functional.NN.Tensors;

namespace Functional.NN.Data;

/// <summary>
/// The class a network predicts for each example, and the class each target row stands for, by the rules
/// <see cref="Accuracy.Of{T}(Network, Parameters{T}, Dataset)"/> scores with: several output columns, the
/// column of the largest output (argmax, first on ties); a single output, class 1 when the output is at
/// least the threshold (0.5 for a probability, 0 for a <c>bce_logits</c> logit, where σ(z) = 0.5) and
/// class 0 otherwise. Outputs of any element type are compared as they are (a float widened exactly to double
/// against the threshold).
/// </summary>
public static class PredictedClasses
{
    /// <summary>The predicted class of each row of <paramref name="outputs"/>, the outputs of <paramref name="network"/>.</summary>
    public static int[] Of<T>(Network network, Tensor<T> outputs) where T : unmanaged, IFloatingPointIeee754<T> =>
        outputs.Columns == 1
            ? Thresholded(outputs, SingleOutputThreshold(network))
            : ClassLabels.ArgMax(outputs);

    /// <summary>
    /// The class of each target row: the column of the 1 of a one-hot row, or for a single 0/1 target
    /// column, 1 when the target is at least 0.5.
    /// </summary>
    public static int[] OfTargets<T>(Tensor<T> targets) where T : unmanaged, IFloatingPointIeee754<T> =>
        targets.Columns == 1 ? Thresholded(targets, 0.5) : ClassLabels.ArgMax(targets);

    /// <summary>The threshold of a single output: 0 for a logit (<c>bce_logits</c>), otherwise 0.5.</summary>
    public static double SingleOutputThreshold(Network network) =>
        network.Loss is BinaryCrossEntropyWithLogits ? 0.0 : 0.5;

    private static int[] Thresholded<T>(Tensor<T> column, double threshold) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var values = column.Span;
        var classes = new int[values.Length];
        for (var i = 0; i < values.Length; i++) classes[i] = double.CreateTruncating(values[i]) >= threshold ? 1 : 0;
        return classes;
    }
}
