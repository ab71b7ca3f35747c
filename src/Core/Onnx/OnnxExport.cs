using System.Collections.Immutable;
using System.Numerics;
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
/// (<see cref="OnnxStandardization"/>), so the ONNX model takes raw inputs. The tensors are of the parameters' own element
/// type (DOUBLE for <c>double</c>, FLOAT for <c>float</c>, whose numbers are written as they are) unless
/// <see cref="OnnxExportOptions.ElementType"/> asks for another. Pure: the same network, parameters, standardizer and
/// options give the same bytes.
/// </summary>
public static class OnnxExport
{
    /// <summary>The serialized <c>ModelProto</c>, or an error naming the layer whose activation ONNX cannot express.</summary>
    public static Fin<byte[]> ToBytes<T>(Network network, Parameters<T> parameters, OnnxExportOptions? options = null)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        ToBytes(network, parameters, Option<Standardizer>.None, options);

    /// <summary>
    /// The serialized <c>ModelProto</c> of a network whose inputs are standardized with
    /// <paramref name="standardizer"/> (when Some) before the first layer, or an error naming what cannot be exported.
    /// </summary>
    public static Fin<byte[]> ToBytes<T>(Network network, Parameters<T> parameters, Option<Standardizer> standardizer, OnnxExportOptions? options = null)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        ToModel(network, parameters, standardizer, options).Map(model => model.ToBytes());

    /// <summary>The <c>ModelProto</c> as a protobuf message, or an error naming what cannot be exported.</summary>
    internal static Fin<ProtoMessage> ToModel<T>(Network network, Parameters<T> parameters, OnnxExportOptions? options = null)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        ToModel(network, parameters, Option<Standardizer>.None, options);

    /// <summary>The <c>ModelProto</c> with the input standardization, if any, as a protobuf message, or an error naming what cannot be exported.</summary>
    internal static Fin<ProtoMessage> ToModel<T>(Network network, Parameters<T> parameters, Option<Standardizer> standardizer, OnnxExportOptions? options = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var o = Resolved<T>(options);
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

    /// <summary>The options with <see cref="OnnxExportOptions.ElementType"/> given: the parameters' own type when it was null.</summary>
    internal static OnnxExportOptions Resolved<T>(OnnxExportOptions? options) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var o = options ?? OnnxExportOptions.Default;
        return o.ElementType is null ? o with { ElementType = typeof(T) == typeof(float) ? OnnxElementType.Float : OnnxElementType.Double } : o;
    }

    /// <summary>Every layer's nodes and constants, in order, reading <see cref="OnnxExportOptions.InputName"/>.</summary>
    internal static Fin<OnnxFragment> Layers<T>(Network network, Parameters<T> parameters, OnnxExportOptions options)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Layers(network, parameters, Resolved<T>(options), options.InputName);

    private static Fin<OnnxFragment> Layers<T>(Network network, Parameters<T> parameters, OnnxExportOptions options, string input)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Enumerable.Range(0, network.Layers.Length)
            .Aggregate(Prelude.Success<Error, OnnxFragment>(OnnxFragment.Empty), (fragment, l) =>
                (fragment, Layer(network, parameters, options, input, l)).Apply((before, layer) => before.Then(layer)))
            .ToFin()
            .Match(Succ: Fin<OnnxFragment>.Succ, Fail: e => Error.New($"onnx export: {e.Message}"));

    /// <summary>Layer <paramref name="l"/>'s <c>Gemm</c> and activation nodes, or an error naming the layer.</summary>
    private static Validation<Error, OnnxFragment> Layer<T>(Network network, Parameters<T> parameters, OnnxExportOptions options, string input, int l)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var prefix = $"layer{l + 1}";
        var activation = network.Layers[l].Activation;
        var current = l == 0 ? input : $"layer{l}.a";
        var output = l == network.Layers.Length - 1 ? options.OutputName : $"{prefix}.a";
        var z = OnnxActivations.IsIdentity(activation) ? output : $"{prefix}.z";
        var gemm = new OnnxFragment(
            [new OnnxNode($"{prefix}.gemm", "Gemm", [current, $"{prefix}.W", $"{prefix}.b"], [z], [OnnxAttribute.Int("transB", 1)])],
            [Constant($"{prefix}.W", parameters[l].Weights), Constant($"{prefix}.b", parameters[l].Bias, asVector: true)]);
        return OnnxActivations.Nodes(activation, prefix, z, output, options.ElementType!.Value).Match(
            Succ: nodes => Prelude.Success<Error, OnnxFragment>(gemm.Then(nodes)),
            Fail: e => Prelude.Fail<Error, OnnxFragment>(Error.New($"layer {l + 1}: {e.Message}")));
    }

    private static Fin<ProtoMessage> Graph<T>(Network network, Parameters<T> parameters, OnnxFragment front, string first, OnnxExportOptions o)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Layers(network, parameters, o, first).Map(front.Then).Map(fragment => ProtoMessage.Empty
            .WithMessages(OnnxFields.Graph.Node, fragment.Nodes.Select(OnnxEncoding.Node))
            .WithString(OnnxFields.Graph.Name, o.GraphName)
            .WithMessages(OnnxFields.Graph.Initializer, fragment.Initializers.Select(i => OnnxEncoding.Initializer(i, o.ElementType!.Value)))
            .WithMessage(OnnxFields.Graph.Input, OnnxEncoding.ValueInfo(o.InputName, o.ElementType!.Value,
                [OnnxDimension.Symbolic("batch"), OnnxDimension.Fixed(network.InputSize)]))
            .WithMessage(OnnxFields.Graph.Output, OnnxEncoding.ValueInfo(o.OutputName, o.ElementType!.Value,
                [OnnxDimension.Symbolic("batch"), OnnxDimension.Fixed(network.OutputSize)])));

    /// <summary>
    /// A weight matrix <c>[units x inputs]</c>, or a bias row as the vector <c>[units]</c> that Gemm broadcasts; a float's
    /// value is held as the double equal to it, so a float32 export writes it back unchanged.
    /// </summary>
    private static OnnxInitializer Constant<T>(string name, Functional.NN.Tensors.Tensor<T> tensor, bool asVector = false)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        new(name, asVector ? [tensor.Length] : [tensor.Rows, tensor.Columns], [.. tensor.ToArray().Select(double.CreateChecked)]);
}
