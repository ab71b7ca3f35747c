using FsCheck;
using FsCheck.Fluent;
using Functional.NN.Activations;
using Functional.NN.App.Commands;
using Functional.NN.Experiments.Storage;
using Functional.NN.Data;
using Functional.NN.Onnx;
using Functional.NN.Passes;
using Functional.NN.Tensors;
using Functional.NN.Tests.App;
using LanguageExt;
using Xunit;

namespace Functional.NN.Tests.Onnx;

/// <summary>
/// A model trained on standardized inputs is exported with its standardizer in front of the first layer, so
/// the ONNX model takes raw inputs: ONNX Runtime on raw inputs gives <see cref="ForwardPass.Predict"/> on the
/// standardized ones.
/// </summary>
public sealed class OnnxStandardizationTests
{
    private static Gen<double> Uniform(double low, double high) => Gen.Choose(0, 1_000_000).Select(i => low + (high - low) * i / 1_000_000.0);

    /// <summary>A generated network with a standardizer (means in [-2, 2], scales in [0.5, 2]) and raw inputs around the means.</summary>
    private static Arbitrary<(OnnxCase Case, Standardizer Standardizer, Tensor Raw)> Cases(Activation activation) =>
        (from c in OnnxNetworks.With(activation).Generator
         from mean in Gen.ArrayOf(Uniform(-2, 2), c.Network.InputSize)
         from scale in Gen.ArrayOf(Uniform(0.5, 2), c.Network.InputSize)
         let standardizer = Standardizer.Create(Tensor.RowVector(mean), Tensor.RowVector(scale)).ThrowIfFail()
         let raw = Tensor.Build(c.Inputs.Rows, c.Inputs.Columns, (r, k) => c.Inputs[r, k] * scale[k] + mean[k])
         select (c, standardizer, raw)).ToArbitrary();

    [Theory]
    [InlineData(OnnxElementType.Double)]
    [InlineData(OnnxElementType.Float)]
    public void Onnx_runtime_on_raw_inputs_reproduces_the_forward_pass_on_standardized_inputs(OnnxElementType type)
    {
        var tolerance = OnnxAgreement.ToleranceFor(type);
        var property = Prop.ForAll(Cases(Activation.Tanh), x =>
        {
            var model = OnnxExport.ToBytes(x.Case.Network, x.Case.Parameters, x.Standardizer, new OnnxExportOptions(type)).ThrowIfFail();
            var ours = ForwardPass.Predict(x.Case.Network, x.Case.Parameters, x.Standardizer.Apply(x.Raw).ThrowIfFail());
            var error = OnnxAgreement.ScaledError(ours, OnnxRuntimeModel.Run(model, x.Raw, type));
            return (error <= tolerance).Label($"{type} error {error:E3} > {tolerance:E0}");
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(30), property);
    }

    [Fact]
    public void The_graph_starts_with_sub_mean_and_div_scale_initializers_and_the_first_gemm_reads_their_result()
    {
        var network = Fixture.Network;
        var standardizer = Standardizer.Create(Tensor.RowVector([1.5, -2.0]), Tensor.RowVector([0.5, 4.0])).ThrowIfFail();
        var graph = ProtoReader.Read(OnnxExport.ToBytes(network, Fixture.Parameters, standardizer, new OnnxExportOptions(OnnxElementType.Float)).ThrowIfFail())
            .One(OnnxFields.Model.Graph).Message;
        var nodes = graph.All(OnnxFields.Graph.Node).Select(n => n.Message).ToList();
        Assert.Equal(["Sub", "Div", "Gemm"], nodes.Take(3).Select(n => n.One(OnnxFields.Node.OpType).Text));
        Assert.Equal(["input", "input.mean"], nodes[0].All(OnnxFields.Node.Input).Select(f => f.Text));
        Assert.Equal(["input.centered", "input.scale"], nodes[1].All(OnnxFields.Node.Input).Select(f => f.Text));
        Assert.Equal("input.standardized", nodes[2].All(OnnxFields.Node.Input).First().Text);
        var initializers = graph.All(OnnxFields.Graph.Initializer).Select(i => i.Message).ToList();
        foreach (var name in new[] { "input.mean", "input.scale" })
        {
            var constant = initializers.Single(i => i.One(OnnxFields.Tensor.Name).Text == name);
            Assert.Equal([2UL], constant.All(OnnxFields.Tensor.Dims).Select(d => d.Varint));
            Assert.Equal((ulong)OnnxElementType.Float, constant.One(OnnxFields.Tensor.DataType).Varint);
        }
        Assert.Equal("input", graph.One(OnnxFields.Graph.Input).Message.One(OnnxFields.ValueInfo.Name).Text);
    }

    [Fact]
    public void A_standardizer_of_another_width_is_an_error_and_none_exports_as_before()
    {
        var wide = Standardizer.Create(Tensor.Zeros(1, 3), Tensor.Filled(1, 3, 1.0)).ThrowIfFail();
        FinAssert.FailsWith(OnnxExport.ToBytes(Fixture.Network, Fixture.Parameters, wide), "onnx export: the input standardizer has 3 features", "takes 2 inputs");
        Assert.Equal(OnnxExport.ToBytes(Fixture.Network, Fixture.Parameters).ThrowIfFail(),
            OnnxExport.ToBytes(Fixture.Network, Fixture.Parameters, Option<Standardizer>.None).ThrowIfFail());
    }

    [Fact]
    public void Export_onnx_of_a_model_file_with_a_standardizer_takes_raw_inputs_and_says_so()
    {
        using var temp = new TempDirectory();
        var standardizer = Standardizer.Create(Tensor.RowVector([3.0, -1.0]), Tensor.RowVector([2.0, 0.25])).ThrowIfFail();
        var path = temp.File("model.fnn");
        ModelFile.Save(path, Fixture.Network, Fixture.Parameters, "onnx", standardizer).ThrowIfFail();
        var console = new StringWriter();
        var code = ExportOnnxCommand.Run(console, path, temp.File("model.onnx"), float32: false, caseName: null);
        Assert.Equal(0, code);
        Assert.Contains("inputs: the graph standardizes raw inputs with the model's training statistics", console.ToString());
        var raw = Tensor.FromRows([[3.0, -1.0], [5.0, 0.0], [-1.0, 2.5]]).ThrowIfFail();
        var ours = ForwardPass.Predict(Fixture.Network, Fixture.Parameters, standardizer.Apply(raw).ThrowIfFail());
        var onnx = OnnxRuntimeModel.Run(File.ReadAllBytes(temp.File("model.onnx")), raw, OnnxElementType.Double);
        Assert.True(OnnxAgreement.ScaledError(ours, onnx) <= OnnxAgreement.ToleranceFor(OnnxElementType.Double));
    }

    /// <summary>A small 2-3-2 tanh/softmax network with fixed parameters.</summary>
    private static class Fixture
    {
        public static Functional.NN.Model.Network Network { get; } =
            Functional.NN.Model.Network.Create(2, Functional.NN.Losses.Loss.SoftmaxCrossEntropy, (3, Activation.Tanh), (2, Activation.Softmax)).ThrowIfFail();

        public static Functional.NN.Model.Parameters<double> Parameters { get; } =
            Functional.NN.Model.Parameters<double>.Zeros(Network).Map(t => Tensor.Build(t.Rows, t.Columns, (r, c) => 0.3 * (r + 1) - 0.2 * c));
    }
}
