using Functional.NN.Experiments.DataSources;
using Functional.NN.Model;
using Functional.NN.Verification;

namespace Functional.NN.Experiments.Evaluation;

/// <summary>A finished gradient check: what was checked, on which examples, and the Core's report.</summary>
/// <param name="Model">The network and parameters checked.</param>
/// <param name="Source">Where the examples came from.</param>
/// <param name="Data">The whole data set, fitted to the network.</param>
/// <param name="Batch">The examples the loss was computed on (the first ones of the data set).</param>
/// <param name="Report">Every compared derivative (<c>GradientCheck.OfNetwork</c>).</param>
internal sealed record GradcheckOutcome(ModelUnderCheck Model, DataSource Source, FittedDataset Data, Batch Batch, GradientCheckReport Report)
{
    /// <summary>The report restricted to each layer (1-based), in layer order; the Core's measures apply to each.</summary>
    public IReadOnlyList<(int Layer, GradientCheckReport Report)> Layers =>
        Report.Comparisons.GroupBy(c => c.Location.Layer).OrderBy(g => g.Key)
            .Select(g => (g.Key, new GradientCheckReport(g.ToList(), Report.Options))).ToList();
}
