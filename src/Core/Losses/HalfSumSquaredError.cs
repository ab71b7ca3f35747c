using Functional.NN.Tensors;

namespace Functional.NN.Losses;

/// <summary>
/// L = (1/B) Σ_n Σ_j ½ (t_nj - y_nj)²: a sum over outputs, ½ per element, averaged over the batch.
/// With one example it is the tutorial's E_total. dL/dy = (y - t)/B.
/// </summary>
public sealed record HalfSumSquaredError : OutputLoss
{
    /// <inheritdoc />
    public override string Name => "half_sse";

    /// <inheritdoc />
    public override double Value(Tensor outputs, Tensor targets)
    {
        outputs.RequireSameShape(targets, Name);
        var sum = 0.0;
        var y = outputs.Span;
        var t = targets.Span;
        for (var i = 0; i < y.Length; i++) sum += 0.5 * (t[i] - y[i]) * (t[i] - y[i]);
        return sum / outputs.Rows;
    }

    /// <inheritdoc />
    public override Tensor Gradient(Tensor outputs, Tensor targets)
    {
        var batch = (double)outputs.Rows;
        return outputs.Zip(targets, (y, t) => (y - t) / batch);
    }
}
