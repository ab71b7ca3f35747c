using System.Collections.Immutable;
using System.Globalization;
using Functional.NN.Activations;
using Functional.NN.Experiments.DataSources;
using Functional.NN.Losses;
using Functional.NN.Model;

namespace Functional.NN.Experiments.Evaluation;

/// <summary>
/// The header of a predictions file: <c>row</c>, one column per network output, and for classification data
/// <c>predicted_class</c>. An output column of a classifier is named after its class,
/// <c>PREFIX_LABEL</c>, where PREFIX says what the number is: <c>p</c> for a probability (sigmoid or softmax
/// output), <c>logit</c> for a <c>bce_logits</c> output, <c>score</c> otherwise. A single output of a binary
/// classifier scores the second class (index 1), so it is <c>p_LABEL1</c>. Outputs of a regression model
/// are <c>output_0</c>, <c>output_1</c>, ...
/// </summary>
internal static class PredictionColumns
{
    /// <summary>Name of the first column, the 0-based index of the example in the data set.</summary>
    public const string Row = "row";

    /// <summary>Name of the last column of a classifier's file, the label of the predicted class.</summary>
    public const string PredictedClass = "predicted_class";

    /// <summary>The names of the output columns of <paramref name="network"/> on <paramref name="data"/>, in output order.</summary>
    public static ImmutableArray<string> Outputs(Network network, FittedDataset data)
    {
        if (!data.IsClassification)
            return [.. Enumerable.Range(0, network.OutputSize).Select(j => $"output_{j.ToString(CultureInfo.InvariantCulture)}")];
        var names = data.ClassNames(network.OutputSize);
        var prefix = Prefix(network);
        return network.OutputSize == 1 ? [$"{prefix}_{names[1]}"] : [.. names.Select(name => $"{prefix}_{name}")];
    }

    /// <summary>The whole header: <see cref="Row"/>, the outputs, and <see cref="PredictedClass"/> for classification data.</summary>
    public static ImmutableArray<string> Header(Network network, FittedDataset data) =>
        [Row, .. Outputs(network, data), .. data.IsClassification ? new[] { PredictedClass } : []];

    private static string Prefix(Network network) =>
        network.Loss is BinaryCrossEntropyWithLogits ? "logit"
        : network.OutputActivation is Sigmoid or Softmax ? "p"
        : "score";
}
