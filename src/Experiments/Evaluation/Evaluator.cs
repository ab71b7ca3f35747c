using Functional.NN.Experiments.DataSources;
using Functional.NN.Data;
using Functional.NN.Model;
using Functional.NN.Passes;
using LanguageExt;

namespace Functional.NN.Experiments.Evaluation;

/// <summary>Scores a network on a data set that fits it; every number comes from the Core.</summary>
internal static class Evaluator
{
    /// <summary>
    /// The loss of <paramref name="network"/> with <paramref name="parameters"/> on all of
    /// <paramref name="data"/>, and for classification data its accuracy and confusion matrix.
    /// </summary>
    public static Fin<ModelEvaluation> Evaluate(Network network, Parameters parameters, FittedDataset data) =>
        from batch in data.Examples.ToBatch(network)
        let loss = ForwardPass.Loss(network, parameters, batch)
        from evaluation in data.IsClassification
            ? from accuracy in Accuracy.Of(network, parameters, data.Examples)
              from confusion in Confusion(network, parameters, data)
              select new ModelEvaluation(network, data, loss, accuracy, confusion)
            : Fin<ModelEvaluation>.Succ(new ModelEvaluation(network, data, loss, null, null))
        select evaluation;

    private static Fin<ConfusionMatrix> Confusion(Network network, Parameters parameters, FittedDataset data)
    {
        var predicted = PredictedClasses.Of(network, ForwardPass.Predict(network, parameters, data.Examples.Features));
        var actual = PredictedClasses.OfTargets(data.Examples.Targets);
        return ConfusionMatrix.Of(actual, predicted, data.ClassNames(network.OutputSize).Length);
    }
}
