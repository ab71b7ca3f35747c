using Functional.NN.Activations;
using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Onnx;

/// <summary>
/// The ONNX nodes that compute each built-in activation a = f(z). In float32 models every activation is
/// one standard operator. In float64 models, leaky ReLU, ELU and softplus are written as compositions of
/// elementary operators, for two reasons: their ONNX attributes (α) are single precision, so a double
/// model must carry α as a double constant; and ONNX Runtime's CPU provider has only float kernels for
/// <c>LeakyRelu</c>, <c>Elu</c> and <c>Softplus</c>. The compositions use only operators with double
/// kernels (<c>Max</c>, <c>Min</c>, <c>Mul</c>, <c>Add</c>, <c>Sub</c>, <c>Exp</c>, <c>Log</c>, <c>Abs</c>,
/// <c>Neg</c>). GELU is the standard <c>Gelu</c> operator (opset 20, <c>approximate = "none"</c>) in both
/// precisions: ONNX Runtime 1.31 runs it in float only, and has no double <c>Erf</c> either, so a float64
/// GELU model is valid ONNX that ONNX Runtime cannot run; export GELU networks as float32 for it.
/// </summary>
internal static class OnnxActivations
{
    /// <summary>The names of the activations the exporter can express.</summary>
    public static IReadOnlyList<string> Supported { get; } =
        ["identity", "sigmoid", "tanh", "relu", "leaky_relu", "elu", "softplus", "gelu", "softmax"];

    /// <summary>
    /// The nodes that read <paramref name="input"/> (the pre-activation z) and write <paramref name="output"/>
    /// (the activation a), with their constants, named after <paramref name="prefix"/> (<c>layer1</c>).
    /// Identity needs no node: the caller names z after a instead (<see cref="IsIdentity"/>).
    /// A custom activation has no ONNX operator and is an error naming it.
    /// </summary>
    public static Fin<OnnxFragment> Nodes(Activation activation, string prefix, string input, string output, OnnxElementType type)
    {
        var single = type == OnnxElementType.Float;
        return activation switch
        {
            Identity => OnnxFragment.Empty,
            Sigmoid => OnnxFragment.Of(OnnxNode.Unary($"{prefix}.sigmoid", "Sigmoid", input, output)),
            Tanh => OnnxFragment.Of(OnnxNode.Unary($"{prefix}.tanh", "Tanh", input, output)),
            Relu => OnnxFragment.Of(OnnxNode.Unary($"{prefix}.relu", "Relu", input, output)),
            Softmax => OnnxFragment.Of(OnnxNode.Unary($"{prefix}.softmax", "Softmax", input, output, OnnxAttribute.Int("axis", -1))),
            LeakyRelu l when single =>
                OnnxFragment.Of(OnnxNode.Unary($"{prefix}.leaky_relu", "LeakyRelu", input, output, OnnxAttribute.Float("alpha", (float)l.Slope))),
            LeakyRelu l => LeakyReluComposition(prefix, input, output, l.Slope),
            Elu e when single => OnnxFragment.Of(OnnxNode.Unary($"{prefix}.elu", "Elu", input, output, OnnxAttribute.Float("alpha", (float)e.Alpha))),
            Elu e => EluComposition(prefix, input, output, e.Alpha),
            Softplus when single => OnnxFragment.Of(OnnxNode.Unary($"{prefix}.softplus", "Softplus", input, output)),
            Softplus => SoftplusComposition(prefix, input, output),
            Gelu => OnnxFragment.Of(OnnxNode.Unary($"{prefix}.gelu", "Gelu", input, output, OnnxAttribute.String("approximate", "none"))),
            _ => Error.New($"{prefix}: activation '{activation.Name}' has no ONNX operator; " +
                           $"the exporter supports {string.Join(", ", Supported)}"),
        };
    }

    /// <summary>True for the identity activation, which the exporter writes as no node at all.</summary>
    public static bool IsIdentity(Activation activation) => activation is Identity;

    /// <summary>max(z, 0) + s·min(z, 0): z for z &gt; 0 and s·z otherwise, bit for bit.</summary>
    private static OnnxFragment LeakyReluComposition(string p, string z, string output, double slope) =>
        new([
            OnnxNode.Binary($"{p}.positive", "Max", z, $"{p}.zero", $"{p}.positive_part"),
            OnnxNode.Binary($"{p}.negative", "Min", z, $"{p}.zero", $"{p}.negative_part"),
            OnnxNode.Binary($"{p}.scale", "Mul", $"{p}.negative_part", $"{p}.slope", $"{p}.scaled_negative"),
            OnnxNode.Binary($"{p}.leaky_relu", "Add", $"{p}.positive_part", $"{p}.scaled_negative", output),
        ], [OnnxInitializer.Scalar($"{p}.zero", 0.0), OnnxInitializer.Scalar($"{p}.slope", slope)]);

    /// <summary>max(z, 0) + α·(exp(min(z, 0)) - 1).</summary>
    private static OnnxFragment EluComposition(string p, string z, string output, double alpha) =>
        new([
            OnnxNode.Binary($"{p}.positive", "Max", z, $"{p}.zero", $"{p}.positive_part"),
            OnnxNode.Binary($"{p}.negative", "Min", z, $"{p}.zero", $"{p}.negative_part"),
            OnnxNode.Unary($"{p}.exp", "Exp", $"{p}.negative_part", $"{p}.exp_negative"),
            OnnxNode.Binary($"{p}.expm1", "Sub", $"{p}.exp_negative", $"{p}.one", $"{p}.expm1_negative"),
            OnnxNode.Binary($"{p}.scale", "Mul", $"{p}.expm1_negative", $"{p}.alpha", $"{p}.scaled_negative"),
            OnnxNode.Binary($"{p}.elu", "Add", $"{p}.positive_part", $"{p}.scaled_negative", output),
        ], [OnnxInitializer.Scalar($"{p}.zero", 0.0), OnnxInitializer.Scalar($"{p}.one", 1.0), OnnxInitializer.Scalar($"{p}.alpha", alpha)]);

    /// <summary>max(z, 0) + log(1 + exp(-|z|)), which never overflows.</summary>
    private static OnnxFragment SoftplusComposition(string p, string z, string output) =>
        new([
            OnnxNode.Binary($"{p}.positive", "Max", z, $"{p}.zero", $"{p}.positive_part"),
            OnnxNode.Unary($"{p}.abs", "Abs", z, $"{p}.abs_z"),
            OnnxNode.Unary($"{p}.neg", "Neg", $"{p}.abs_z", $"{p}.minus_abs_z"),
            OnnxNode.Unary($"{p}.exp", "Exp", $"{p}.minus_abs_z", $"{p}.exp_minus_abs_z"),
            OnnxNode.Binary($"{p}.one_plus", "Add", $"{p}.exp_minus_abs_z", $"{p}.one", $"{p}.one_plus_exp"),
            OnnxNode.Unary($"{p}.log", "Log", $"{p}.one_plus_exp", $"{p}.log1p_exp"),
            OnnxNode.Binary($"{p}.softplus", "Add", $"{p}.positive_part", $"{p}.log1p_exp", output),
        ], [OnnxInitializer.Scalar($"{p}.zero", 0.0), OnnxInitializer.Scalar($"{p}.one", 1.0)]);
}
