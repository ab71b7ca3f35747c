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
        // Σ_j within a row in order, then the rows in the batch order of BatchReduction.
        return Compute.BatchReduction.Sum(outputs.Rows, r =>
        {
            var y = outputs.Row(r);
            var t = targets.Row(r);
            var sum = 0.0;
            for (var j = 0; j < y.Length; j++) sum += (t[j] - y[j]) * (t[j] - y[j]);
            return sum;
        }) / outputs.Length;
    }

    /// <inheritdoc />
    public override Tensor Gradient(Tensor outputs, Tensor targets)
    {
        var count = (double)outputs.Length;
        return outputs.Zip(targets, (y, t) => 2.0 * (y - t) / count);
    }
}
