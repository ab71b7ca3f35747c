using Functional.NN.Onnx;
using Functional.NN.Tensors;
using Microsoft.ML.OnnxRuntime;

namespace Functional.NN.Tests.Onnx;

/// <summary>Runs an exported model with ONNX Runtime (CPU provider) on a batch.</summary>
public static class OnnxRuntimeModel
{
    /// <summary>
    /// The graph output for <paramref name="inputs"/> <c>[batch x inputs]</c>, computed by ONNX Runtime in
    /// <paramref name="type"/> (inputs rounded to float for float32 models), as doubles.
    /// </summary>
    public static Tensor Run(byte[] model, Tensor inputs, OnnxElementType type, GraphOptimizationLevel optimization = GraphOptimizationLevel.ORT_ENABLE_ALL)
    {
        using var options = new SessionOptions { GraphOptimizationLevel = optimization };
        using var session = new InferenceSession(model, options);
        long[] shape = [inputs.Rows, inputs.Columns];
        using var input = type == OnnxElementType.Double
            ? OrtValue.CreateTensorValueFromMemory(inputs.ToArray(), shape)
            : OrtValue.CreateTensorValueFromMemory(inputs.ToArray().Select(x => (float)x).ToArray(), shape);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, ["input"], [input], ["output"]);
        var output = outputs[0];
        var outputShape = output.GetTensorTypeAndShape().Shape;
        var values = type == OnnxElementType.Double
            ? output.GetTensorDataAsSpan<double>().ToArray()
            : output.GetTensorDataAsSpan<float>().ToArray().Select(x => (double)x).ToArray();
        return Tensor.FromRowMajor((int)outputShape[0], (int)outputShape[1], values).ThrowIfFail();
    }
}
