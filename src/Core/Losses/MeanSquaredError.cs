using Functional.NN.Tensors;

namespace Functional.NN.Losses;

/// <summary>
/// L = (1/(B·K)) Σ_n Σ_j (t_nj - y_nj)²: the mean over all B·K elements, with no ½, as
/// <c>torch.nn.MSELoss</c>. dL/dy = 2(y - t)/(B·K).
/// </summary>
public sealed record MeanSquaredError : OutputLoss
{
    /// <inheritdoc />
    public override string Name => "mse";

    /// <inheritdoc />
    public override double Value(Tensor outputs, Tensor targets)
    {
        outputs.RequireSameShape(targets, Name);
        var sum = 0.0;
        var y = outputs.Span;
        var t = targets.Span;
        for (var i = 0; i < y.Length; i++) sum += (t[i] - y[i]) * (t[i] - y[i]);
        return sum / y.Length;
    }

    /// <inheritdoc />
    public override Tensor Gradient(Tensor outputs, Tensor targets)
    {
        var count = (double)outputs.Length;
        return outputs.Zip(targets, (y, t) => 2.0 * (y - t) / count);
    }
}
