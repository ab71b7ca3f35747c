using System.Runtime.InteropServices;
using Functional.NN.Activations;
using Functional.NN.Losses;
using Functional.NN.Model;
using Functional.NN.Onnx;
using Xunit;

namespace Functional.NN.Tests.Onnx;

/// <summary>The exported element type follows the parameters' own unless the options ask for another; float32 numbers are written as they are.</summary>
public sealed class OnnxElementTypeTests
{
    private static readonly Network Network = Functional.NN.Model.Network.Create(2, Loss.MeanSquaredError, (3, Activation.Tanh)).ThrowIfFail();

    private static readonly float[] Weights = [-0.0f, float.Epsilon, 0.1f + 0.2f, 1f / 3f, -float.MaxValue, 16777217f];

    private static Parameters<float> Floats { get; } = Parameters<float>.Create(Network,
        [(new[] { Weights[..2], Weights[2..4], Weights[4..] }, new[] { 0.5f, -0.25f, 1e-30f })]).ThrowIfFail();

    private static IReadOnlyList<ProtoField> Initializer(byte[] model, string name) =>
        ProtoReader.Read(model).One(OnnxFields.Model.Graph).Message.All(OnnxFields.Graph.Initializer).Select(i => i.Message)
            .Single(i => i.One(OnnxFields.Tensor.Name).Text == name);

    private static ulong InputType(byte[] model) =>
        ProtoReader.Read(model).One(OnnxFields.Model.Graph).Message.One(OnnxFields.Graph.Input).Message
            .One(OnnxFields.ValueInfo.Type).Message.One(OnnxFields.Type.TensorType).Message.One(OnnxFields.Type.ElementType).Varint;

    [Fact]
    public void A_float32_model_exports_float_initializers_holding_its_own_bits()
    {
        var model = OnnxExport.ToBytes(Network, Floats).ThrowIfFail();
        var weights = Initializer(model, "layer1.W");
        Assert.Equal((ulong)OnnxElementType.Float, weights.One(OnnxFields.Tensor.DataType).Varint);
        Assert.Equal(MemoryMarshal.AsBytes(Weights.AsSpan()).ToArray(), weights.One(OnnxFields.Tensor.RawData).Bytes);
        Assert.Equal((ulong)OnnxElementType.Float, InputType(model));
    }

    [Fact]
    public void A_float64_model_still_exports_double_by_default()
    {
        var doubles = Parameters.Zeros(Network).MapScalars(_ => 0.1);
        var model = OnnxExport.ToBytes(Network, doubles).ThrowIfFail();
        Assert.Equal((ulong)OnnxElementType.Double, Initializer(model, "layer1.W").One(OnnxFields.Tensor.DataType).Varint);
        Assert.Equal((ulong)OnnxElementType.Double, InputType(model));
    }

    [Fact]
    public void The_options_override_the_parameters_type_both_ways()
    {
        var widened = OnnxExport.ToBytes(Network, Floats, new OnnxExportOptions(OnnxElementType.Double)).ThrowIfFail();
        var weights = Initializer(widened, "layer1.W");
        Assert.Equal((ulong)OnnxElementType.Double, weights.One(OnnxFields.Tensor.DataType).Varint);
        Assert.Equal(Weights.Select(w => (double)w), MemoryMarshal.Cast<byte, double>(weights.One(OnnxFields.Tensor.RawData).Bytes).ToArray());
        var doubles = Parameters.Zeros(Network).MapScalars(_ => 0.1);
        var narrowed = OnnxExport.ToBytes(Network, doubles, new OnnxExportOptions(OnnxElementType.Float)).ThrowIfFail();
        Assert.Equal((ulong)OnnxElementType.Float, InputType(narrowed));
    }
}
