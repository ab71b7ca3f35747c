using Functional.NN.Experiments.Data;
using Functional.NN.Experiments.DataSources;
using Functional.NN.Verification;
using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Experiments.Evaluation;

/// <summary>
/// Runs the Core's gradient check (<see cref="GradientCheck.OfNetwork"/>) on a network and the first
/// examples of a data set. The cost is two forward passes over the batch per parameter, so the batch is
/// small by default (<see cref="DefaultBatch"/>).
/// </summary>
internal static class GradcheckRunner
{
    /// <summary>Number of examples checked when none is given (fewer when the data set is smaller).</summary>
    public const int DefaultBatch = 8;

    /// <summary>
    /// Checks <paramref name="model"/> on the first <paramref name="batch"/> examples of <paramref name="data"/>
    /// (loaded from <paramref name="source"/>), or the first <see cref="DefaultBatch"/> when null. Fails when
    /// the data does not fit the network or holds fewer than <paramref name="batch"/> examples; a check that
    /// finds wrong derivatives is a success whose report has <see cref="GradientCheckReport.Passed"/> false.
    /// </summary>
    public static Fin<GradcheckOutcome> Run(ModelUnderCheck model, DataSource source, LoadedDataset data, int? batch, GradientCheckOptions options) =>
        from fitted in DatasetFit.ToNetwork(data, model.Network)
        from size in BatchSize(batch, fitted)
        from first in fitted.Examples.Subset(Enumerable.Range(0, size).ToArray())
        from examples in first.ToBatch(model.Network)
        select new GradcheckOutcome(model, source, fitted, examples, GradientCheck.OfNetwork(model.Network, model.Parameters, examples, options));

    private static Fin<int> BatchSize(int? requested, FittedDataset data) => requested switch
    {
        null => Math.Min(DefaultBatch, data.Examples.Count),
        { } n when n > data.Examples.Count =>
            Error.New($"--batch {n} asks for more examples than the data set '{data.Source.Name}' has ({data.Examples.Count})"),
        { } n => n,
    };
}
