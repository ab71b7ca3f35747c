using System.Collections.Immutable;

namespace Functional.NN.Onnx;

/// <summary>
/// A constant tensor stored in the graph (a <c>TensorProto</c> in <c>GraphProto.initializer</c>): the
/// weights, biases and scalar constants of the exported network. Values are kept in double precision
/// and written in the model's element type.
/// </summary>
/// <param name="Name">The value name that nodes read.</param>
/// <param name="Dimensions">The shape; empty for a scalar.</param>
/// <param name="Values">The elements in row-major order; as many as the product of the dimensions.</param>
internal sealed record OnnxInitializer(string Name, ImmutableArray<long> Dimensions, ImmutableArray<double> Values)
{
    /// <summary>A scalar (rank-0) constant.</summary>
    public static OnnxInitializer Scalar(string name, double value) => new(name, [], [value]);
}
