using System.Numerics;
using Functional.NN.Compute;

namespace Functional.NN.Tensors;

/// <summary>
/// Pure matrix products and reductions on tensors of doubles or floats, each returning a new tensor. Products run on
/// <see cref="ComputeBackend.Current"/>.
/// </summary>
public static class TensorAlgebra
{
    /// <summary>A · B.</summary>
    public static Tensor<T> Multiply<T>(Tensor<T> a, Tensor<T> b) where T : unmanaged, IFloatingPointIeee754<T> =>
        Multiply(ComputeBackend.Current, a, b);

    /// <summary>Aᵀ · B.</summary>
    public static Tensor<T> TransposeMultiply<T>(Tensor<T> a, Tensor<T> b) where T : unmanaged, IFloatingPointIeee754<T> =>
        TransposeMultiply(ComputeBackend.Current, a, b);

    /// <summary>The sums of the columns, as a <c>[1 x columns]</c> row.</summary>
    public static Tensor<T> ColumnSums<T>(Tensor<T> a) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var result = new T[a.Columns];
        MatrixKernels.ColumnSums(a.Span, result, a.Rows, a.Columns);
        return Tensor<T>.Own(1, a.Columns, result);
    }

    /// <summary>Element-wise product.</summary>
    public static Tensor<T> Hadamard<T>(Tensor<T> a, Tensor<T> b) where T : unmanaged, IFloatingPointIeee754<T>
    {
        a.RequireSameShape(b, "Zip");
        var result = GC.AllocateUninitializedArray<T>(a.Length);
        MatrixKernels.Multiply(a.Span, b.Span, result);
        return Tensor<T>.Own(a.Rows, a.Columns, result);
    }

    /// <summary>Every element multiplied by <paramref name="factor"/>.</summary>
    public static Tensor<T> Scale<T>(Tensor<T> a, T factor) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var result = GC.AllocateUninitializedArray<T>(a.Length);
        MatrixKernels.Scale(a.Span, factor, result);
        return Tensor<T>.Own(a.Rows, a.Columns, result);
    }

    /// <summary>Sum of all elements.</summary>
    public static T Sum<T>(Tensor<T> a) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var sum = T.Zero;
        foreach (var x in a.Span) sum += x;
        return sum;
    }

    /// <summary>
    /// X · Wᵀ + b for <paramref name="rows"/> inputs stored row-major in <paramref name="inputs"/>, into
    /// <paramref name="result"/> (<c>[rows x out]</c>, previous contents ignored). Shapes are the caller's to check.
    /// </summary>
    internal static void AffineInto<T>(ComputeBackend backend, ReadOnlySpan<T> inputs, int rows, Tensor<T> weights, Tensor<T> bias, Span<T> result)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        MatrixKernels.FillRows(bias.Span, result, rows);
        backend.Multiply(false, true, rows, weights.Rows, weights.Columns, inputs, weights.Span, result, accumulate: true);
    }

    /// <summary>A · B on a given backend.</summary>
    internal static Tensor<T> Multiply<T>(ComputeBackend backend, Tensor<T> a, Tensor<T> b) where T : unmanaged, IFloatingPointIeee754<T> =>
        Tensor<T>.Own(a.Rows, b.Columns, MultiplyBuffer(backend, a, b));

    /// <summary>A · B into a new buffer that the caller owns.</summary>
    internal static T[] MultiplyBuffer<T>(ComputeBackend backend, Tensor<T> a, Tensor<T> b) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (a.Columns != b.Rows)
            throw new ArgumentException($"Multiply: {a.ShapeText} · {b.ShapeText} do not fit");
        var result = GC.AllocateUninitializedArray<T>(a.Rows * b.Columns);
        backend.Multiply(false, false, a.Rows, b.Columns, a.Columns, a.Span, b.Span, result, accumulate: false);
        return result;
    }

    /// <summary>Aᵀ · B on a given backend.</summary>
    internal static Tensor<T> TransposeMultiply<T>(ComputeBackend backend, Tensor<T> a, Tensor<T> b) where T : unmanaged, IFloatingPointIeee754<T> =>
        Tensor<T>.Own(a.Columns, b.Columns, TransposeMultiplyBuffer(backend, a, b));

    /// <summary>Aᵀ · B into a new buffer that the caller owns.</summary>
    internal static T[] TransposeMultiplyBuffer<T>(ComputeBackend backend, Tensor<T> a, Tensor<T> b) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (a.Rows != b.Rows)
            throw new ArgumentException($"TransposeMultiply: {a.ShapeText}ᵀ · {b.ShapeText} do not fit");
        var result = GC.AllocateUninitializedArray<T>(a.Columns * b.Columns);
        backend.Multiply(true, false, a.Columns, b.Columns, a.Rows, a.Span, b.Span, result, accumulate: false);
        return result;
    }
}
