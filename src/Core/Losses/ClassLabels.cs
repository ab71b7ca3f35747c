using System.Numerics;
using Functional.NN.Tensors;
using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Losses;

/// <summary>Integer class labels and their one-hot rows, for classifiers trained with <see cref="SoftmaxCrossEntropy"/>.</summary>
public static class ClassLabels
{
    /// <summary>
    /// A <c>[labels x classes]</c> tensor whose row n is 1 in column <c>labels[n]</c> and 0 elsewhere, or an
    /// error naming every label outside 0..classes-1 by its index and value.
    /// </summary>
    public static Fin<Tensor> OneHot(IReadOnlyList<int> labels, int classes)
    {
        if (classes < 1) return Error.New($"one-hot: the number of classes must be at least 1, got {classes}");
        var data = new double[checked(labels.Count * classes)];
        var outside = new List<int>();
        for (var n = 0; n < labels.Count; n++)
        {
            if (labels[n] < 0 || labels[n] >= classes) outside.Add(n);
            else data[n * classes + labels[n]] = 1.0;
        }
        return Checks.All(outside.Select(n => Checks.That(false, () => $"label at index {n} is {labels[n]}, outside 0..{classes - 1}")))
            .Map(_ => Tensor.Own(labels.Count, classes, data))
            .ToFin($"one-hot with {classes} classes: ");
    }

    /// <summary>
    /// The column of the largest value of each row: the predicted class of a row of scores or probabilities,
    /// or the class of a one-hot row. Ties go to the first such column; NaN is never the largest.
    /// A row whose values are all NaN gives 0.
    /// </summary>
    public static int[] ArgMax<T>(Tensor<T> scores) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var result = new int[scores.Rows];
        for (var r = 0; r < scores.Rows; r++)
        {
            var row = scores.Row(r);
            var best = 0;
            for (var j = 1; j < row.Length; j++)
                if (row[j] > row[best] || T.IsNaN(row[best]) && !T.IsNaN(row[j])) best = j;
            result[r] = best;
        }
        return result;
    }
}
