using System.Numerics;
using Functional.NN.Losses;
using Functional.NN.Model;
using Functional.NN.Passes;
using Functional.NN.Tensors;
using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Data;

/// <summary>
/// The fraction of correct classifications, from a network's outputs and the targets, in any element type: outputs
/// and targets are compared as they are (a float widened exactly to double against a threshold), and the fraction
/// is a double.
/// </summary>
public static class Accuracy
{
    /// <summary>
    /// For one output column, <see cref="OfThreshold"/> at 0.5 (a sigmoid probability); for several,
    /// <see cref="OfClasses"/> (argmax of the outputs against argmax of the one-hot targets).
    /// </summary>
    public static Fin<double> Of<T>(Tensor<T> outputs, Tensor<T> targets) where T : unmanaged, IFloatingPointIeee754<T> =>
        outputs.Columns == 1 ? OfThreshold(outputs, targets, 0.5) : OfClasses(outputs, targets);

    /// <summary>
    /// The network's accuracy on <paramref name="data"/>, its features and targets in the parameters' element type
    /// (<see cref="Dataset.FeaturesAs{T}"/>): as <see cref="Of{T}(Tensor{T}, Tensor{T})"/>, except that a single output
    /// trained with <c>bce_logits</c> is a logit and is thresholded at 0 (where σ(z) = 0.5). An error when the data
    /// or the parameters do not fit the network, or a number of the data is not finite as a <typeparamref name="T"/>.
    /// </summary>
    public static Fin<double> Of<T>(Network network, Parameters<T> parameters, Dataset data) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (data.FeatureCount != network.InputSize)
            return Error.New($"accuracy: the network expects {network.InputSize} features, got {data.FeatureCount}");
        if (!parameters.Fits(network))
            return Error.New($"accuracy: parameters {parameters.Describe()} do not fit network {network}");
        var notFinite = data.CheckFiniteAs<T>().Match(_ => null, e => (string?)e.Message);
        if (notFinite is not null) return Error.New($"accuracy: {notFinite}");
        return OfOutputs(network, ForwardPass.Predict(network, parameters, data.FeaturesAs<T>()), data.TargetsAs<T>());
    }

    /// <summary>
    /// The accuracy of <paramref name="outputs"/>, the outputs of <paramref name="network"/>, by the rules of
    /// <see cref="Of{T}(Network, Parameters{T}, Dataset)"/>: a single <c>bce_logits</c> output thresholded at 0, otherwise
    /// <see cref="Of{T}(Tensor{T}, Tensor{T})"/>.
    /// </summary>
    public static Fin<double> OfOutputs<T>(Network network, Tensor<T> outputs, Tensor<T> targets) where T : unmanaged, IFloatingPointIeee754<T> =>
        outputs.Columns == 1 && network.Loss is BinaryCrossEntropyWithLogits
            ? OfThreshold(outputs, targets, 0.0)
            : Of(outputs, targets);

    /// <summary>The fraction of rows whose largest output is in the column of the largest target (first on ties).</summary>
    public static Fin<double> OfClasses<T>(Tensor<T> outputs, Tensor<T> oneHotTargets) where T : unmanaged, IFloatingPointIeee754<T> =>
        Check(outputs, oneHotTargets).Map(_ =>
        {
            var predicted = ClassLabels.ArgMax(outputs);
            var actual = ClassLabels.ArgMax(oneHotTargets);
            var correct = 0;
            for (var r = 0; r < predicted.Length; r++)
                if (predicted[r] == actual[r]) correct++;
            return correct / (double)outputs.Rows;
        });

    /// <summary>
    /// The fraction of elements where (output ≥ <paramref name="threshold"/>) agrees with (target ≥ 0.5): binary
    /// or multi-label classification with 0/1 targets.
    /// </summary>
    public static Fin<double> OfThreshold<T>(Tensor<T> outputs, Tensor<T> targets, double threshold = 0.5) where T : unmanaged, IFloatingPointIeee754<T> =>
        Check(outputs, targets).Map(_ =>
        {
            var y = outputs.Span;
            var t = targets.Span;
            var correct = 0;
            for (var i = 0; i < y.Length; i++)
                if (double.CreateTruncating(y[i]) >= threshold == double.CreateTruncating(t[i]) >= 0.5) correct++;
            return correct / (double)y.Length;
        });

    private static Fin<Unit> Check<T>(Tensor<T> outputs, Tensor<T> targets) where T : unmanaged, IFloatingPointIeee754<T> =>
        !outputs.SameShape(targets)
            ? Error.New($"accuracy: outputs {outputs.ShapeText} and targets {targets.ShapeText} differ in shape")
            : outputs.Length == 0
                ? Error.New("accuracy: no outputs to score")
                : Unit.Default;
}
