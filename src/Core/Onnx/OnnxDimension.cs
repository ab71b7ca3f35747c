namespace Functional.NN.Onnx;

/// <summary>One dimension of a graph input or output: a fixed size, or a symbolic name such as <c>batch</c>.</summary>
/// <param name="Size">The size, when fixed.</param>
/// <param name="Symbol">The name, when symbolic.</param>
internal sealed record OnnxDimension(long? Size, string? Symbol)
{
    /// <summary>A fixed size.</summary>
    public static OnnxDimension Fixed(long size) => new(size, null);

    /// <summary>A size named <paramref name="symbol"/> and chosen by the caller at run time.</summary>
    public static OnnxDimension Symbolic(string symbol) => new(null, symbol);
}
