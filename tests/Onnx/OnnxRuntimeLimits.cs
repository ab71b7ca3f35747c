using Functional.NN.Activations;
using Functional.NN.Onnx;

namespace Functional.NN.Tests.Onnx;

/// <summary>What ONNX Runtime 1.31's CPU provider cannot run (see <see cref="OnnxRuntimeKernelProbe"/>).</summary>
public static class OnnxRuntimeLimits
{
    /// <summary>The reason given for skipped float64 GELU comparisons.</summary>
    public const string NoDoubleGelu =
        "ONNX Runtime 1.31 has no double kernel for Gelu (nor Erf): float64 GELU models are valid ONNX it cannot run; the float32 model is checked";

    /// <summary>True when ONNX Runtime cannot run <paramref name="activation"/> in <paramref name="type"/>.</summary>
    public static bool CannotRun(Activation activation, OnnxElementType type) => activation is Gelu && type == OnnxElementType.Double;
}
