using Functional.NN.Data;
using Functional.NN.Model;
using Functional.NN.Passes;

namespace Functional.NN.App.Runs;

/// <summary>A model's loss and (for classification) accuracy on a data part, both computed by Core.</summary>
/// <param name="Loss">The loss (<see cref="ForwardPass.Loss"/>) on the whole part.</param>
/// <param name="Accuracy">The accuracy (<see cref="Accuracy.Of(Network, Parameters, Dataset)"/>), or null for regression.</param>
internal sealed record Evaluation(double Loss, double? Accuracy)
{
    /// <summary>The evaluation of <paramref name="parameters"/> on <paramref name="data"/>.</summary>
    public static Evaluation Of(Network network, Parameters parameters, Dataset data, bool classification) =>
        new(ForwardPass.Loss(network, parameters, data.ToBatch(network).ThrowIfFail()),
            classification ? Functional.NN.Data.Accuracy.Of(network, parameters, data).ThrowIfFail() : null);
}
