using System.Collections.Immutable;
using Functional.NN.Data;
using Functional.NN.Model;
using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Onnx;

/// <summary>
/// Writes a trained network as an ONNX model: per layer one <c>Gemm</c> node, Y = X·Wᵀ + b
/// (<c>transB = 1</c>, so W keeps its <c>[units x inputs]</c> layout), followed by the nodes of its
/// activation (<see cref="OnnxActivations"/>); weights and biases are initializers named
/// <c>layerN.W</c> and <c>layerN.b</c>. The graph has one input <c>[batch x inputs]</c> and one output
/// <c>[batch x outputs]</c>, the last layer's activation: probabilities for a softmax or sigmoid output,
/// the linear output (logits) for an identity one. The loss is not part of the model. A network trained on
/// standardized inputs is exported with its <see cref="Standardizer"/> in front of the first layer
/// (<see cref="OnnxStandardization"/>), so the ONNX model takes raw inputs. Pure: the same network,
/// parameters, standardizer and options give the same bytes.
/// </summary>
public static class OnnxExport
{
    /// <summary>The serialized <c>ModelProto</c>, or an error naming the layer whose activation ONNX cannot express.</summary>
    public static Fin<byte[]> ToBytes(Network network, Parameters parameters, OnnxExportOptions? options = null) =>
        ToBytes(network, parameters, Option<Standardizer>.None, options);

    /// <summary>
    /// The serialized <c>ModelProto</c> of a network whose inputs are standardized with
    /// <paramref name="standardizer"/> (when Some) before the first layer, or an error naming what cannot be exported.
    /// </summary>
    public static Fin<byte[]> ToBytes(Network network, Parameters parameters, Option<Standardizer> standardizer, OnnxExportOptions? options = null) =>
        ToModel(network, parameters, standardizer, options).Map(model => model.ToBytes());

    /// <summary>The <c>ModelProto</c> as a protobuf message, or an error naming what cannot be exported.</summary>
    internal static Fin<ProtoMessage> ToModel(Network network, Parameters parameters, OnnxExportOptions? options = null) =>
        ToModel(network, parameters, Option<Standardizer>.None, options);

    /// <summary>The <c>ModelProto</c> with the input standardization, if any, as a protobuf message, or an error naming what cannot be exported.</summary>
    internal static Fin<ProtoMessage> ToModel(Network network, Parameters parameters, Option<Standardizer> standardizer, OnnxExportOptions? options = null)
    {
        var o = options ?? OnnxExportOptions.Default;
        if (!parameters.Fits(network))
            return Error.New($"onnx export: parameters {parameters.Describe()} do not fit network {network}");
        if (standardizer.Exists(s => s.FeatureCount != network.InputSize))
            return Error.New($"onnx export: the input standardizer has {standardizer.Map(s => s.FeatureCount).IfNone(0)} features, " +
                             $"network {network} takes {network.InputSize} inputs");
        var front = standardizer.Match(s => OnnxStandardization.Nodes(s, o.InputName), () => OnnxFragment.Empty);
        var first = standardizer.IsSome ? OnnxStandardization.StandardizedName : o.InputName;
        return Graph(network, parameters, front, first, o).Map(graph => ProtoMessage.Empty
            .WithVarint(OnnxFields.Model.IrVersion, OnnxExportOptions.IrVersion)
            .WithString(OnnxFields.Model.ProducerName, OnnxExportOptions.ProducerName)
            .WithString(OnnxFields.Model.ProducerVersion, o.ProducerVersion)
            .WithString(OnnxFields.Model.DocString, $"Functional.NN network {network}" +
                (standardizer.IsSome ? "; raw inputs are standardized with the training statistics, (x - input.mean)/input.scale" : ""))
            .WithMessage(OnnxFields.Model.Graph, graph)
            .WithMessage(OnnxFields.Model.OpsetImport, OnnxEncoding.DefaultOperatorSet(OnnxExportOptions.OperatorSetVersion)));
    }

    /// <summary>Every layer's nodes and constants, in order, reading <see cref="OnnxExportOptions.InputName"/>.</summary>
    internal static Fin<OnnxFragment> Layers(Network network, Parameters parameters, OnnxExportOptions options) =>
        Layers(network, parameters, options, options.InputName);

    private static Fin<OnnxFragment> Layers(Network network, Parameters parameters, OnnxExportOptions options, string input) =>
        Enumerable.Range(0, network.Layers.Length)
            .Aggregate(Prelude.Success<Error, OnnxFragment>(OnnxFragment.Empty), (fragment, l) =>
                (fragment, Layer(network, parameters, options, input, l)).Apply((before, layer) => before.Then(layer)))
            .ToFin()
            .Match(Succ: Fin<OnnxFragment>.Succ, Fail: e => Error.New($"onnx export: {e.Message}"));

    /// <summary>Layer <paramref name="l"/>'s <c>Gemm</c> and activation nodes, or an error naming the layer.</summary>
    private static Validation<Error, OnnxFragment> Layer(Network network, Parameters parameters, OnnxExportOptions options, string input, int l)
    {
        var prefix = $"layer{l + 1}";
        var activation = network.Layers[l].Activation;
        var current = l == 0 ? input : $"layer{l}.a";
        var output = l == network.Layers.Length - 1 ? options.OutputName : $"{prefix}.a";
        var z = OnnxActivations.IsIdentity(activation) ? output : $"{prefix}.z";
        var gemm = new OnnxFragment(
            [new OnnxNode($"{prefix}.gemm", "Gemm", [current, $"{prefix}.W", $"{prefix}.b"], [z], [OnnxAttribute.Int("transB", 1)])],
            [Constant($"{prefix}.W", parameters[l].Weights), Constant($"{prefix}.b", parameters[l].Bias, asVector: true)]);
        return OnnxActivations.Nodes(activation, prefix, z, output, options.ElementType).Match(
            Succ: nodes => Prelude.Success<Error, OnnxFragment>(gemm.Then(nodes)),
            Fail: e => Prelude.Fail<Error, OnnxFragment>(Error.New($"layer {l + 1}: {e.Message}")));
    }

    private static Fin<ProtoMessage> Graph(Network network, Parameters parameters, OnnxFragment front, string first, OnnxExportOptions o) =>
        Layers(network, parameters, o, first).Map(front.Then).Map(fragment => ProtoMessage.Empty
            .WithMessages(OnnxFields.Graph.Node, fragment.Nodes.Select(OnnxEncoding.Node))
            .WithString(OnnxFields.Graph.Name, o.GraphName)
            .WithMessages(OnnxFields.Graph.Initializer, fragment.Initializers.Select(i => OnnxEncoding.Initializer(i, o.ElementType)))
            .WithMessage(OnnxFields.Graph.Input, OnnxEncoding.ValueInfo(o.InputName, o.ElementType,
                [OnnxDimension.Symbolic("batch"), OnnxDimension.Fixed(network.InputSize)]))
            .WithMessage(OnnxFields.Graph.Output, OnnxEncoding.ValueInfo(o.OutputName, o.ElementType,
                [OnnxDimension.Symbolic("batch"), OnnxDimension.Fixed(network.OutputSize)])));

    /// <summary>A weight matrix <c>[units x inputs]</c>, or a bias row as the vector <c>[units]</c> that Gemm broadcasts.</summary>
    private static OnnxInitializer Constant(string name, Tensor tensor, bool asVector = false) =>
        new(name, asVector ? [tensor.Length] : [tensor.Rows, tensor.Columns], [.. tensor.ToArray()]);
}
