using System.Numerics;
using Functional.NN.Tensors;

namespace Functional.NN.Losses;

/// <summary>
/// L = (1/B) Σ_n Σ_j ½ (t_nj - y_nj)²: a sum over outputs, ½ per element, averaged over the batch (rows summed in the order of <see cref="Compute.BatchReduction"/>).
/// With one example it is the tutorial's E_total. dL/dy = (y - t)/B.
/// </summary>
public sealed record HalfSumSquaredError : OutputLoss
{
    /// <inheritdoc />
    public override string Name => "half_sse";

    /// <inheritdoc />
    public override T Value<T>(Tensor<T> outputs, Tensor<T> targets)
    {
        outputs.RequireSameShape(targets, Name);
        // Σ_j within a row in order, then the rows in the batch order of BatchReduction.
        return MeanOfRows(outputs, outputs, targets);
    }

    /// <inheritdoc />
    internal override bool SplitsByRows => true;

    /// <summary>Σ_j ½ (t_j - y_j)² of one row.</summary>
    internal override T RowTerm<T>(Tensor<T> z, Tensor<T> a, Tensor<T> targets, int row)
    {
        var y = a.Row(row);
        var t = targets.Row(row);
        var sum = T.Zero;
        for (var j = 0; j < y.Length; j++) sum += T.CreateTruncating(0.5) * (t[j] - y[j]) * (t[j] - y[j]);
        return sum;
    }

    /// <inheritdoc />
    public override Tensor<T> Gradient<T>(Tensor<T> outputs, Tensor<T> targets)
    {
        var result = GC.AllocateUninitializedArray<T>(outputs.Length);
        Gradient(outputs, targets, result);
        return Tensor<T>.Own(outputs.Rows, outputs.Columns, result);
    }

    /// <summary>(y - t)/B into a buffer the caller owns, without a delegate per element.</summary>
    internal override void Gradient<T>(Tensor<T> outputs, Tensor<T> targets, Span<T> result) =>
        Gradient(outputs, targets, result, outputs.Rows);

    /// <summary>(y - t)/B for these rows of a batch of B = <paramref name="batchRows"/> rows.</summary>
    internal override void Gradient<T>(Tensor<T> outputs, Tensor<T> targets, Span<T> result, int batchRows)
    {
        outputs.RequireSameShape(targets, "Zip");
        var batch = T.CreateTruncating(batchRows);
        var y = outputs.Span;
        var t = targets.Span;
        for (var i = 0; i < y.Length; i++) result[i] = (y[i] - t[i]) / batch;
    }
}
