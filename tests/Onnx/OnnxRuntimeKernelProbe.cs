using Functional.NN.Onnx;
using Microsoft.ML.OnnxRuntime;
using Xunit;

namespace Functional.NN.Tests.Onnx;

/// <summary>
/// Why float64 models compose leaky ReLU, ELU and softplus from elementary operators, and why float64 GELU
/// models are not run: ONNX Runtime's CPU provider has no double kernel for <c>LeakyRelu</c>, <c>Elu</c>,
/// <c>Softplus</c>, <c>Gelu</c> or <c>Erf</c> (this probe fails when a later version adds one, and the
/// exporter and tests can then use it), while it has one for every operator of the compositions.
/// </summary>
public sealed class OnnxRuntimeKernelProbe
{
    private static bool Runs(string opType, OnnxElementType type, params OnnxAttribute[] attributes)
    {
        var graph = ProtoMessage.Empty
            .WithMessage(OnnxFields.Graph.Node, OnnxEncoding.Node(OnnxNode.Unary("probe", opType, "input", "output", attributes)))
            .WithString(OnnxFields.Graph.Name, "probe")
            .WithMessage(OnnxFields.Graph.Input, OnnxEncoding.ValueInfo("input", type, [OnnxDimension.Fixed(1), OnnxDimension.Fixed(2)]))
            .WithMessage(OnnxFields.Graph.Output, OnnxEncoding.ValueInfo("output", type, [OnnxDimension.Fixed(1), OnnxDimension.Fixed(2)]));
        var model = ProtoMessage.Empty
            .WithVarint(OnnxFields.Model.IrVersion, OnnxExportOptions.IrVersion)
            .WithMessage(OnnxFields.Model.Graph, graph)
            .WithMessage(OnnxFields.Model.OpsetImport, OnnxEncoding.DefaultOperatorSet(OnnxExportOptions.OperatorSetVersion))
            .ToBytes();
        try
        {
            OnnxRuntimeModel.Run(model, Functional.NN.Tensors.Tensor<double>.RowVector([-0.5, 0.5]), type, GraphOptimizationLevel.ORT_DISABLE_ALL);
            return true;
        }
        catch (OnnxRuntimeException)
        {
            return false;
        }
    }

    [Theory]
    [InlineData("Sigmoid")] [InlineData("Tanh")] [InlineData("Relu")] [InlineData("Softmax")]
    [InlineData("Exp")] [InlineData("Log")] [InlineData("Abs")] [InlineData("Neg")]
    public void Operators_the_double_models_use_have_double_kernels(string opType) =>
        Assert.True(Runs(opType, OnnxElementType.Double), $"{opType} has no double kernel");

    [Theory]
    [InlineData("LeakyRelu")] [InlineData("Elu")] [InlineData("Softplus")] [InlineData("Gelu")] [InlineData("Erf")]
    public void Operators_without_double_kernels_have_float_kernels(string opType)
    {
        Assert.True(Runs(opType, OnnxElementType.Float), $"{opType} has no float kernel");
        Assert.False(Runs(opType, OnnxElementType.Double), $"{opType} now has a double kernel: the exporter could use it");
    }
}
