namespace Functional.NN.Tensors;

/// <summary>Pure matrix products and reductions on tensors, each returning a new tensor.</summary>
public static class TensorAlgebra
{
    /// <summary>X · Wᵀ + b: a dense layer's pre-activation for a batch (rows = examples).</summary>
    /// <param name="inputs">Batch of inputs, <c>[batch x in]</c>.</param>
    /// <param name="weights">Weights, <c>[out x in]</c>.</param>
    /// <param name="bias">Bias as a row, <c>[1 x out]</c>.</param>
    public static Tensor Affine(Tensor inputs, Tensor weights, Tensor bias)
    {
        if (inputs.Columns != weights.Columns)
            throw new ArgumentException($"Affine: inputs {inputs.ShapeText} do not fit weights {weights.ShapeText}");
        if (bias.Rows != 1 || bias.Columns != weights.Rows)
            throw new ArgumentException($"Affine: bias {bias.ShapeText} does not fit weights {weights.ShapeText}");
        var result = new double[inputs.Rows * weights.Rows];
        MatrixKernels.MultiplyTransposedB(inputs.Span, weights.Span, bias.Span, result, inputs.Rows, inputs.Columns, weights.Rows);
        return Tensor.Own(inputs.Rows, weights.Rows, result);
    }

    /// <summary>A · B.</summary>
    public static Tensor Multiply(Tensor a, Tensor b)
    {
        if (a.Columns != b.Rows)
            throw new ArgumentException($"Multiply: {a.ShapeText} · {b.ShapeText} do not fit");
        var result = new double[a.Rows * b.Columns];
        MatrixKernels.Multiply(a.Span, b.Span, result, a.Rows, a.Columns, b.Columns);
        return Tensor.Own(a.Rows, b.Columns, result);
    }

    /// <summary>Aᵀ · B.</summary>
    public static Tensor TransposeMultiply(Tensor a, Tensor b)
    {
        if (a.Rows != b.Rows)
            throw new ArgumentException($"TransposeMultiply: {a.ShapeText}ᵀ · {b.ShapeText} do not fit");
        var result = new double[a.Columns * b.Columns];
        MatrixKernels.MultiplyTransposedA(a.Span, b.Span, result, a.Columns, a.Rows, b.Columns);
        return Tensor.Own(a.Columns, b.Columns, result);
    }

    /// <summary>The sums of the columns, as a <c>[1 x columns]</c> row.</summary>
    public static Tensor ColumnSums(Tensor a)
    {
        var result = new double[a.Columns];
        MatrixKernels.ColumnSums(a.Span, result, a.Rows, a.Columns);
        return Tensor.Own(1, a.Columns, result);
    }

    /// <summary>Element-wise product.</summary>
    public static Tensor Hadamard(Tensor a, Tensor b) => a.Zip(b, (x, y) => x * y);

    /// <summary>Every element multiplied by <paramref name="factor"/>.</summary>
    public static Tensor Scale(Tensor a, double factor) => a.Map(x => x * factor);

    /// <summary>Sum of all elements.</summary>
    public static double Sum(Tensor a)
    {
        var sum = 0.0;
        foreach (var x in a.Span) sum += x;
        return sum;
    }
}
