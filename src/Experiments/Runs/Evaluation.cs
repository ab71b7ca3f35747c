using Functional.NN.Data;
using Functional.NN.Model;
using Functional.NN.Passes;

namespace Functional.NN.Experiments.Runs;

/// <summary>A model's loss and (for classification) accuracy on a data part, both computed by Core.</summary>
/// <param name="Loss">The loss (<see cref="Functional.NN.Losses.Loss.Value"/>) on the whole part.</param>
/// <param name="Accuracy">The accuracy (<see cref="Accuracy.OfOutputs"/>), or null for regression.</param>
internal sealed record Evaluation(double Loss, double? Accuracy)
{
    /// <summary>
    /// The evaluation of <paramref name="parameters"/> on <paramref name="data"/>: one forward pass in blocks of rows
    /// (<see cref="BlockwiseForward"/>), then the loss over all rows at once and the accuracy of the same outputs,
    /// the numbers of <see cref="ForwardPass.Loss"/> and <see cref="Accuracy.Of{T}(Network, Parameters{T}, Dataset)"/>
    /// on the whole part.
    /// </summary>
    public static Evaluation Of(Network network, Parameters parameters, Dataset data, bool classification)
    {
        var (logits, outputs) = BlockwiseForward.Run(network, parameters, data);
        return new(network.Loss.Value(logits, outputs, data.Targets),
            classification ? Functional.NN.Data.Accuracy.OfOutputs(network, outputs, data.Targets).ThrowIfFail() : null);
    }
}
