using Functional.NN.Losses;
using Functional.NN.Model;
using Functional.NN.Passes;
using Functional.NN.Tensors;
using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Data;

/// <summary>The fraction of correct classifications, from a network's outputs and the targets.</summary>
public static class Accuracy
{
    /// <summary>
    /// For one output column, <see cref="OfThreshold"/> at 0.5 (a sigmoid probability); for several,
    /// <see cref="OfClasses"/> (argmax of the outputs against argmax of the one-hot targets).
    /// </summary>
    public static Fin<double> Of(Tensor outputs, Tensor targets) =>
        outputs.Columns == 1 ? OfThreshold(outputs, targets, 0.5) : OfClasses(outputs, targets);

    /// <summary>
    /// The network's accuracy on <paramref name="data"/>: as <see cref="Of(Tensor, Tensor)"/>, except that a single output
    /// trained with <c>bce_logits</c> is a logit and is thresholded at 0 (where σ(z) = 0.5).
    /// </summary>
    public static Fin<double> Of(Network network, Parameters parameters, Dataset data)
    {
        if (data.FeatureCount != network.InputSize)
            return Error.New($"accuracy: the network expects {network.InputSize} features, got {data.FeatureCount}");
        if (!parameters.Fits(network))
            return Error.New($"accuracy: parameters {parameters.Describe()} do not fit network {network}");
        return OfOutputs(network, ForwardPass.Predict(network, parameters, data.Features), data.Targets);
    }

    /// <summary>
    /// The accuracy of <paramref name="outputs"/>, the outputs of <paramref name="network"/>, by the rules of
    /// <see cref="Of(Network, Parameters, Dataset)"/>: a single <c>bce_logits</c> output thresholded at 0, otherwise
    /// <see cref="Of(Tensor, Tensor)"/>.
    /// </summary>
    public static Fin<double> OfOutputs(Network network, Tensor outputs, Tensor targets) =>
        outputs.Columns == 1 && network.Loss is BinaryCrossEntropyWithLogits
            ? OfThreshold(outputs, targets, 0.0)
            : Of(outputs, targets);

    /// <summary>The fraction of rows whose largest output is in the column of the largest target (first on ties).</summary>
    public static Fin<double> OfClasses(Tensor outputs, Tensor oneHotTargets) =>
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
    public static Fin<double> OfThreshold(Tensor outputs, Tensor targets, double threshold = 0.5) =>
        Check(outputs, targets).Map(_ =>
        {
            var y = outputs.Span;
            var t = targets.Span;
            var correct = 0;
            for (var i = 0; i < y.Length; i++)
                if (y[i] >= threshold == t[i] >= 0.5) correct++;
            return correct / (double)y.Length;
        });

    private static Fin<Unit> Check(Tensor outputs, Tensor targets) =>
        !outputs.SameShape(targets)
            ? Error.New($"accuracy: outputs {outputs.ShapeText} and targets {targets.ShapeText} differ in shape")
            : outputs.Length == 0
                ? Error.New("accuracy: no outputs to score")
                : Unit.Default;
}
