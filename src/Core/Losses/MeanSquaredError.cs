using System.Numerics;
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
    public override T Value<T>(Tensor<T> outputs, Tensor<T> targets)
    {
        outputs.RequireSameShape(targets, Name);
        // Σ_j within a row in order, then the rows in the batch order of BatchReduction.
        return MeanOfRows(outputs, outputs, targets);
    }

    /// <inheritdoc />
    internal override bool SplitsByRows => true;

    /// <summary>Σ_j (t_j - y_j)² of one row.</summary>
    internal override T RowTerm<T>(Tensor<T> z, Tensor<T> a, Tensor<T> targets, int row)
    {
        var y = a.Row(row);
        var t = targets.Row(row);
        var sum = T.Zero;
        for (var j = 0; j < y.Length; j++) sum += (t[j] - y[j]) * (t[j] - y[j]);
        return sum;
    }

    /// <summary>B·K: the mean is over every element.</summary>
    internal override double Divisor(int rows, int columns) => (double)rows * columns;

    /// <summary>2(y - t)/(B·K) for these rows of a batch of B = <paramref name="batchRows"/> rows.</summary>
    internal override void Gradient<T>(Tensor<T> outputs, Tensor<T> targets, Span<T> result, int batchRows)
    {
        outputs.RequireSameShape(targets, "Zip");
        var count = T.CreateTruncating((double)((long)batchRows * outputs.Columns));
        var y = outputs.Span;
        var t = targets.Span;
        for (var i = 0; i < y.Length; i++) result[i] = T.CreateTruncating(2.0) * (y[i] - t[i]) / count;
    }

    /// <inheritdoc />
    public override Tensor<T> Gradient<T>(Tensor<T> outputs, Tensor<T> targets)
    {
        var count = T.CreateTruncating(outputs.Length);
        return outputs.Zip(targets, (y, t) => T.CreateTruncating(2.0) * (y - t) / count);
    }
}
