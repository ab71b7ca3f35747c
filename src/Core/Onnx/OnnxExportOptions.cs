namespace Functional.NN.Onnx;

/// <summary>How a network is written as an ONNX model.</summary>
/// <param name="ElementType">
/// float64 or float32; null (the default) for the parameters' own element type: float64 for <c>double</c> parameters,
/// float32 for <c>float</c> ones.
/// </param>
/// <param name="ProducerVersion">Written to <c>ModelProto.producer_version</c> (the library version, say); empty by default.</param>
/// <param name="InputName">The graph input's name: a <c>[batch x inputs]</c> tensor.</param>
/// <param name="OutputName">The graph output's name: the <c>[batch x outputs]</c> activation of the last layer.</param>
/// <param name="GraphName">The graph's name.</param>
public sealed record OnnxExportOptions(
    OnnxElementType? ElementType = null,
    string ProducerVersion = "",
    string InputName = "input",
    string OutputName = "output",
    string GraphName = "functional_nn")
{
    /// <summary>The parameters' element type, input <c>input</c>, output <c>output</c>.</summary>
    public static OnnxExportOptions Default { get; } = new();

    /// <summary>
    /// The ONNX operator set the models import: 20, the first with <c>Gelu</c>
    /// (ONNX 1.15). Gemm (13), Sigmoid/Tanh/Relu (13/14), Softmax (13, per-axis), LeakyRelu (16), Elu (6),
    /// Softplus (1), Gelu (20) and the elementwise arithmetic all resolve to these versions.
    /// </summary>
    public const long OperatorSetVersion = 20;

    /// <summary>The ONNX IR version written, 9: the IR of ONNX 1.15, which introduced operator set 20.</summary>
    public const long IrVersion = 9;

    /// <summary>The producer name written to every model.</summary>
    public const string ProducerName = "Functional.NN";
}
