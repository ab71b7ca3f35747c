using Functional.NN.Activations;
using Functional.NN.Losses;
using Functional.NN.Model;
using Functional.NN.Onnx;
using Xunit;

namespace Functional.NN.Tests.Onnx;

/// <summary>The exported ModelProto, field by field, and the errors of what cannot be exported.</summary>
public sealed class OnnxExportTests
{
    private static Network Network(params (int Units, Activation Activation)[] layers) =>
        Functional.NN.Model.Network.Create(2, Loss.MeanSquaredError, layers).ThrowIfFail();

    private static Parameters ParametersFor(Network network) =>
        Parameters.Zeros(network).MapScalars(_ => 0.25);

    [Fact]
    public void The_model_declares_ir_version_9_opset_20_and_the_producer()
    {
        var network = Network((3, Activation.Tanh), (1, Activation.Sigmoid));
        var model = ProtoReader.Read(OnnxExport.ToBytes(network, ParametersFor(network),
            new OnnxExportOptions(ProducerVersion: "1.2.3")).ThrowIfFail());
        Assert.Equal(9UL, model.One(OnnxFields.Model.IrVersion).Varint);
        Assert.Equal("Functional.NN", model.One(OnnxFields.Model.ProducerName).Text);
        Assert.Equal("1.2.3", model.One(OnnxFields.Model.ProducerVersion).Text);
        var opset = model.One(OnnxFields.Model.OpsetImport).Message;
        Assert.Equal(20UL, opset.One(OnnxFields.OperatorSetId.Version).Varint);
        Assert.Empty(opset.All(OnnxFields.OperatorSetId.Domain));
    }

    [Fact]
    public void Each_layer_is_a_gemm_with_transB_followed_by_its_activation()
    {
        var network = Network((3, Activation.Identity), (2, Activation.Relu), (1, Activation.Sigmoid));
        var graph = ProtoReader.Read(OnnxExport.ToBytes(network, ParametersFor(network)).ThrowIfFail())
            .One(OnnxFields.Model.Graph).Message;
        var nodes = graph.All(OnnxFields.Graph.Node).Select(n => n.Message).ToList();
        Assert.Equal(["Gemm", "Gemm", "Relu", "Gemm", "Sigmoid"], nodes.Select(n => n.One(OnnxFields.Node.OpType).Text));
        Assert.Equal(["input", "layer1.W", "layer1.b"], nodes[0].All(OnnxFields.Node.Input).Select(f => f.Text));
        Assert.Equal("layer1.a", nodes[0].One(OnnxFields.Node.Output).Text);
        Assert.Equal("output", nodes[^1].One(OnnxFields.Node.Output).Text);
        var transB = nodes[0].One(OnnxFields.Node.Attribute).Message;
        Assert.Equal("transB", transB.One(OnnxFields.Attribute.Name).Text);
        Assert.Equal(1UL, transB.One(OnnxFields.Attribute.Int).Varint);
        Assert.Equal((ulong)OnnxFields.Attribute.TypeInt, transB.One(OnnxFields.Attribute.Type).Varint);
    }

    [Theory]
    [InlineData(OnnxElementType.Double, 8)]
    [InlineData(OnnxElementType.Float, 4)]
    public void Weights_are_initializers_in_their_units_by_inputs_layout(OnnxElementType type, int width)
    {
        var network = Network((3, Activation.Tanh));
        var graph = ProtoReader.Read(OnnxExport.ToBytes(network, ParametersFor(network), new OnnxExportOptions(type)).ThrowIfFail())
            .One(OnnxFields.Model.Graph).Message;
        var initializers = graph.All(OnnxFields.Graph.Initializer).Select(i => i.Message).ToList();
        var weights = initializers.Single(i => i.One(OnnxFields.Tensor.Name).Text == "layer1.W");
        Assert.Equal([3UL, 2UL], weights.All(OnnxFields.Tensor.Dims).Select(d => d.Varint));
        Assert.Equal((ulong)type, weights.One(OnnxFields.Tensor.DataType).Varint);
        Assert.Equal(6 * width, weights.One(OnnxFields.Tensor.RawData).Bytes.Length);
        var bias = initializers.Single(i => i.One(OnnxFields.Tensor.Name).Text == "layer1.b");
        Assert.Equal([3UL], bias.All(OnnxFields.Tensor.Dims).Select(d => d.Varint));
    }

    [Fact]
    public void Input_and_output_have_a_symbolic_batch_and_fixed_feature_sizes()
    {
        var network = Network((3, Activation.Tanh), (4, Activation.Identity));
        var graph = ProtoReader.Read(OnnxExport.ToBytes(network, ParametersFor(network)).ThrowIfFail())
            .One(OnnxFields.Model.Graph).Message;
        var output = graph.One(OnnxFields.Graph.Output).Message;
        Assert.Equal("output", output.One(OnnxFields.ValueInfo.Name).Text);
        var tensorType = output.One(OnnxFields.ValueInfo.Type).Message.One(OnnxFields.Type.TensorType).Message;
        Assert.Equal(11UL, tensorType.One(OnnxFields.Type.ElementType).Varint);
        var dims = tensorType.One(OnnxFields.Type.Shape).Message.All(OnnxFields.Type.Dimension).Select(d => d.Message).ToList();
        Assert.Equal("batch", dims[0].One(OnnxFields.Type.DimensionParameter).Text);
        Assert.Equal(4UL, dims[1].One(OnnxFields.Type.DimensionValue).Varint);
    }

    [Fact]
    public void Export_is_deterministic()
    {
        var network = Network((3, Activation.Gelu), (2, Activation.Elu));
        var parameters = ParametersFor(network);
        Assert.Equal(OnnxExport.ToBytes(network, parameters).ThrowIfFail(), OnnxExport.ToBytes(network, parameters).ThrowIfFail());
    }

    [Fact]
    public void A_custom_activation_is_an_error_naming_the_layer_and_the_activation()
    {
        var custom = Activation.Custom("swish", z => z / (1 + Math.Exp(-z)), z => 1.0);
        var network = Network((3, Activation.Tanh), (1, custom));
        var error = OnnxExport.ToBytes(network, ParametersFor(network)).Match(_ => "", e => e.Message);
        Assert.Contains("layer 2", error);
        Assert.Contains("'swish'", error);
        Assert.Contains("supports identity, sigmoid", error);
    }

    [Fact]
    public void Parameters_that_do_not_fit_are_an_error()
    {
        var network = Network((3, Activation.Tanh));
        var other = ParametersFor(Network((2, Activation.Tanh)));
        Assert.True(OnnxExport.ToBytes(network, other).IsFail);
    }
}
