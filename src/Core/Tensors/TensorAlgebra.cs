using Functional.NN.Compute;

namespace Functional.NN.Tensors;

/// <summary>
/// Pure matrix products and reductions on tensors, each returning a new tensor. Products run on
/// <see cref="ComputeBackend.Current"/>.
/// </summary>
public static class TensorAlgebra
{
    /// <summary>A · B.</summary>
    public static Tensor Multiply(Tensor a, Tensor b) => Multiply(ComputeBackend.Current, a, b);

    /// <summary>Aᵀ · B.</summary>
    public static Tensor TransposeMultiply(Tensor a, Tensor b) => TransposeMultiply(ComputeBackend.Current, a, b);

    /// <summary>The sums of the columns, as a <c>[1 x columns]</c> row.</summary>
    public static Tensor ColumnSums(Tensor a)
    {
        var result = new double[a.Columns];
        MatrixKernels.ColumnSums(a.Span, result, a.Rows, a.Columns);
        return Tensor.Own(1, a.Columns, result);
    }

    /// <summary>Element-wise product.</summary>
    public static Tensor Hadamard(Tensor a, Tensor b)
    {
        a.RequireSameShape(b, "Zip");
        var result = GC.AllocateUninitializedArray<double>(a.Length);
        MatrixKernels.Multiply(a.Span, b.Span, result);
        return Tensor.Own(a.Rows, a.Columns, result);
    }

    /// <summary>Every element multiplied by <paramref name="factor"/>.</summary>
    public static Tensor Scale(Tensor a, double factor)
    {
        var result = GC.AllocateUninitializedArray<double>(a.Length);
        MatrixKernels.Scale(a.Span, factor, result);
        return Tensor.Own(a.Rows, a.Columns, result);
    }

    /// <summary>Sum of all elements.</summary>
    public static double Sum(Tensor a)
    {
        var sum = 0.0;
        foreach (var x in a.Span) sum += x;
        return sum;
    }

    /// <summary>
    /// X · Wᵀ + b for <paramref name="rows"/> inputs stored row-major in <paramref name="inputs"/>, into
    /// <paramref name="result"/> (<c>[rows x out]</c>, previous contents ignored). Shapes are the caller's to check.
    /// </summary>
    internal static void AffineInto(ComputeBackend backend, ReadOnlySpan<double> inputs, int rows, Tensor weights, Tensor bias, Span<double> result)
    {
        MatrixKernels.FillRows(bias.Span, result, rows);
        backend.Multiply(false, true, rows, weights.Rows, weights.Columns, inputs, weights.Span, result, accumulate: true);
    }

    /// <summary>A · B on a given backend.</summary>
    internal static Tensor Multiply(ComputeBackend backend, Tensor a, Tensor b) =>
        Tensor.Own(a.Rows, b.Columns, MultiplyBuffer(backend, a, b));

    /// <summary>A · B into a new buffer that the caller owns.</summary>
    internal static double[] MultiplyBuffer(ComputeBackend backend, Tensor a, Tensor b)
    {
        if (a.Columns != b.Rows)
            throw new ArgumentException($"Multiply: {a.ShapeText} · {b.ShapeText} do not fit");
        var result = GC.AllocateUninitializedArray<double>(a.Rows * b.Columns);
        backend.Multiply(false, false, a.Rows, b.Columns, a.Columns, a.Span, b.Span, result, accumulate: false);
        return result;
    }

    /// <summary>Aᵀ · B on a given backend.</summary>
    internal static Tensor TransposeMultiply(ComputeBackend backend, Tensor a, Tensor b) =>
        Tensor.Own(a.Columns, b.Columns, TransposeMultiplyBuffer(backend, a, b));

    /// <summary>Aᵀ · B into a new buffer that the caller owns.</summary>
    internal static double[] TransposeMultiplyBuffer(ComputeBackend backend, Tensor a, Tensor b)
    {
        if (a.Rows != b.Rows)
            throw new ArgumentException($"TransposeMultiply: {a.ShapeText}ᵀ · {b.ShapeText} do not fit");
        var result = GC.AllocateUninitializedArray<double>(a.Columns * b.Columns);
        backend.Multiply(true, false, a.Columns, b.Columns, a.Rows, a.Span, b.Span, result, accumulate: false);
        return result;
    }
}
