using Functional.NN.Tensors;

namespace Functional.NN.Experiments.Data;

/// <summary>Class indices as one-hot target rows, the form classification losses expect.</summary>
internal static class ClassTargets
{
    /// <summary>
    /// One row per example with a 1 in the column of its class and 0 elsewhere, <c>[examples x classes]</c>.
    /// Every index must lie in <c>0 .. classes-1</c> (callers validate it first).
    /// </summary>
    public static Tensor OneHot(IReadOnlyList<int> classIndices, int classes)
    {
        for (var i = 0; i < classIndices.Count; i++)
            if (classIndices[i] < 0 || classIndices[i] >= classes)
                throw new ArgumentOutOfRangeException(nameof(classIndices), $"example {i}: class {classIndices[i]} is outside 0..{classes - 1}");
        return Tensor.Build(classIndices.Count, classes, (row, column) => classIndices[row] == column ? 1.0 : 0.0);
    }
}
