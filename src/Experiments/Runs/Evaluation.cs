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
    /// on the whole part, computed in the parameters' element type <typeparamref name="T"/> (the targets rounded to it once).
    /// </summary>
    public static Evaluation Of<T>(Network network, Parameters<T> parameters, Dataset data, bool classification)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        var (logits, outputs) = BlockwiseForward.Run(network, parameters, data);
        var targets = data.Targets.Convert<T>();
        return new(double.CreateTruncating(network.Loss.Value(logits, outputs, targets)),
            classification ? Functional.NN.Data.Accuracy.OfOutputs(network, outputs, targets).ThrowIfFail() : null);
    }
}
