using System.Numerics;
using System.Collections.Immutable;
using Functional.NN.Activations;
using Functional.NN.Data;
using Functional.NN.Model;
using Functional.NN.Passes;

namespace Functional.NN.Experiments.Runs;

/// <summary>
/// Per-layer health at the end of an epoch, measured on the fixed probe batch of <see cref="GradientProbe"/>.
/// </summary>
/// <param name="GradientNorms">Per layer (first hidden layer first), the Euclidean (Frobenius) norm of the loss's gradient with respect to the layer's weights, ‖∂L/∂W_l‖.</param>
/// <param name="DeadRelu">Per layer, for ReLU layers the fraction of units whose activation is 0 on every probe example (units that pass no gradient); null for other activations.</param>
internal sealed record LayerHealth(ImmutableArray<double> GradientNorms, ImmutableArray<double?> DeadRelu)
{
    /// <summary>Equal when both lists hold the same numbers in the same order.</summary>
    public bool Equals(LayerHealth? other) =>
        other is not null && GradientNorms.SequenceEqual(other.GradientNorms) && DeadRelu.SequenceEqual(other.DeadRelu);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(GradientNorms.Length, GradientNorms.FirstOrDefault());
}

/// <summary>
/// Measures <see cref="LayerHealth"/> on a fixed probe batch: the first <see cref="Rows"/> examples of the training
/// part (as stored, standardized when the run standardizes), at the parameters that end the epoch, with Core's
/// <see cref="Backpropagation.ValueAndGradient{T}(Network, Parameters{T}, Batch{T})"/> (one forward and one backward pass,
/// outside the training step, which it does not slow down: for Fashion-MNIST it adds one pass over 256 examples to
/// an epoch of 422 steps of 128). A fixed batch, unlike the epoch's last batch, gives every epoch the same yardstick
/// and is independent of the shuffle, so runs and resumed runs write the same numbers.
/// </summary>
internal static class GradientProbe
{
    /// <summary>The number of training examples in the probe batch (fewer when the training part is smaller).</summary>
    public const int Rows = 256;

    /// <summary>The probe batch of <paramref name="training"/> for <paramref name="network"/>.</summary>
    public static Batch<T> Batch<T>(Network network, Dataset training) where T : unmanaged, IFloatingPointIeee754<T> =>
        training.Subset([.. Enumerable.Range(0, Math.Min(Rows, training.Count))])
            .Bind(probe => probe.ToBatch<T>(network))
            .ThrowIfFail();

    /// <summary>The gradient norms and dead-ReLU fractions of <paramref name="parameters"/> on <paramref name="probe"/>.</summary>
    public static LayerHealth Measure<T>(Network network, Parameters<T> parameters, Batch<T> probe)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        var result = Backpropagation.ValueAndGradient(network, parameters, probe);
        var norms = result.Gradients.Layers.Select(l => Math.Sqrt(double.CreateTruncating(l.Weights.SumOfSquares()))).ToImmutableArray();
        var dead = network.Layers.Select((layer, l) => layer.Activation is Relu ? DeadFraction(result.Forward.Trace[l].A) : (double?)null).ToImmutableArray();
        return new LayerHealth(norms, dead);
    }

    /// <summary>The fraction of columns (units) of <paramref name="activations"/> that are 0 in every row.</summary>
    private static double DeadFraction<T>(Functional.NN.Tensors.Tensor<T> activations) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        var dead = 0;
        for (var unit = 0; unit < activations.Columns; unit++)
        {
            var alive = false;
            for (var row = 0; row < activations.Rows && !alive; row++) alive = activations[row, unit] != T.Zero;
            if (!alive) dead++;
        }
        return (double)dead / activations.Columns;
    }
}
