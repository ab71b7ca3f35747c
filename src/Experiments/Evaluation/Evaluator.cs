using System.Numerics;
using Functional.NN.Data;
using Functional.NN.Experiments.DataSources;
using Functional.NN.Model;
using Functional.NN.Passes;
using LanguageExt;

namespace Functional.NN.Experiments.Evaluation;

/// <summary>Scores a network on a data set that fits it; every number comes from the Core.</summary>
internal static class Evaluator
{
    /// <summary>
    /// The loss of <paramref name="network"/> with <paramref name="parameters"/> on all of <paramref name="data"/>, and for
    /// classification data its accuracy and confusion matrix: the forward pass and the loss computed in
    /// <typeparamref name="T"/>, the data's features and targets rounded to it once (exact for doubles).
    /// </summary>
    public static Fin<ModelEvaluation> Evaluate<T>(Network network, Parameters<T> parameters, FittedDataset data)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        from batch in Batch<T>.Create(network, data.Examples.Features.Convert<T>(), data.Examples.Targets.Convert<T>())
        let loss = double.CreateTruncating(ForwardPass.Loss(network, parameters, batch))
        let outputs = ForwardPass.Predict(network, parameters, batch.Inputs).Convert<double>()
        from evaluation in data.IsClassification
            ? from accuracy in Accuracy.OfOutputs(network, outputs, data.Examples.Targets)
              from confusion in Confusion(network, outputs, data)
              select new ModelEvaluation(network, data, loss, accuracy, confusion)
            : Fin<ModelEvaluation>.Succ(new ModelEvaluation(network, data, loss, null, null))
        select evaluation;

    private static Fin<ConfusionMatrix> Confusion(Network network, Functional.NN.Tensors.Tensor<double> outputs, FittedDataset data)
    {
        var predicted = PredictedClasses.Of(network, outputs);
        var actual = PredictedClasses.OfTargets(data.Examples.Targets);
        return ConfusionMatrix.Of(actual, predicted, data.ClassNames(network.OutputSize).Length);
    }
}
