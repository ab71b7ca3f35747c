using System.Collections.Immutable;
using Functional.NN.Experiments.DataSources;
using Functional.NN.Data;
using Functional.NN.Model;

namespace Functional.NN.Experiments.Evaluation;

/// <summary>
/// How well a model does on a data set, every number computed by the Core: the loss of the whole set as
/// one batch (<c>ForwardPass.Loss</c>); for classification data, the accuracy (<c>Accuracy.Of</c>) and the
/// confusion matrix (<c>ConfusionMatrix</c> of <c>PredictedClasses</c>).
/// </summary>
/// <param name="Network">The evaluated network.</param>
/// <param name="Data">The examples it was evaluated on.</param>
/// <param name="Loss">The network's loss on all the examples.</param>
/// <param name="Accuracy">The fraction classified correctly; null for regression data.</param>
/// <param name="Confusion">Counts of (actual, predicted) classes; null for regression data.</param>
internal sealed record ModelEvaluation(Network Network, FittedDataset Data, double Loss, double? Accuracy, ConfusionMatrix? Confusion)
{
    /// <summary>Number of examples evaluated.</summary>
    public int Examples => Data.Examples.Count;

    /// <summary>The name of each row and column of <see cref="Confusion"/>; empty for regression data.</summary>
    public ImmutableArray<string> ClassNames => Data.ClassNames(Network.OutputSize);
}
