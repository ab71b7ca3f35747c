namespace Functional.NN.Onnx;

/// <summary>
/// The element type of an exported model's tensors: its value is the <c>TensorProto.DataType</c> code
/// of <c>onnx.proto</c>.
/// </summary>
public enum OnnxElementType
{
    /// <summary><c>FLOAT</c> (1): IEEE-754 single precision. Weights are rounded to the nearest float.</summary>
    Float = 1,

    /// <summary><c>DOUBLE</c> (11): IEEE-754 double precision, the library's own precision.</summary>
    Double = 11,
}
