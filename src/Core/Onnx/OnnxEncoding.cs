using System.Buffers.Binary;

namespace Functional.NN.Onnx;

/// <summary>
/// Encodes the exporter's ONNX values as protobuf messages, field by field as <c>onnx.proto</c> declares
/// them (<see cref="OnnxFields"/>). Every function is pure: equal values give equal bytes.
/// </summary>
internal static class OnnxEncoding
{
    /// <summary>A <c>NodeProto</c>.</summary>
    public static ProtoMessage Node(OnnxNode node) =>
        ProtoMessage.Empty
            .WithStrings(OnnxFields.Node.Input, node.Inputs)
            .WithStrings(OnnxFields.Node.Output, node.Outputs)
            .WithString(OnnxFields.Node.Name, node.Name)
            .WithString(OnnxFields.Node.OpType, node.OpType)
            .WithMessages(OnnxFields.Node.Attribute, node.Attributes.Select(Attribute));

    /// <summary>An <c>AttributeProto</c> with its type discriminator set, as IR version 2 and later require.</summary>
    public static ProtoMessage Attribute(OnnxAttribute attribute)
    {
        var named = ProtoMessage.Empty.WithString(OnnxFields.Attribute.Name, attribute.Name);
        return attribute switch
        {
            OnnxIntAttribute i => named.WithVarint(OnnxFields.Attribute.Int, i.Value)
                .WithVarint(OnnxFields.Attribute.Type, OnnxFields.Attribute.TypeInt),
            OnnxFloatAttribute f => named.WithFloat(OnnxFields.Attribute.Float, f.Value)
                .WithVarint(OnnxFields.Attribute.Type, OnnxFields.Attribute.TypeFloat),
            OnnxStringAttribute s => named.WithString(OnnxFields.Attribute.String, s.Value)
                .WithVarint(OnnxFields.Attribute.Type, OnnxFields.Attribute.TypeString),
            _ => throw new ArgumentException($"unknown attribute kind {attribute.GetType().Name}", nameof(attribute)),
        };
    }

    /// <summary>A <c>TensorProto</c> holding the initializer's values as little-endian <c>raw_data</c> of <paramref name="elementType"/>.</summary>
    public static ProtoMessage Initializer(OnnxInitializer initializer, OnnxElementType elementType) =>
        ProtoMessage.Empty
            .WithVarints(OnnxFields.Tensor.Dims, initializer.Dimensions)
            .WithVarint(OnnxFields.Tensor.DataType, (long)elementType)
            .WithString(OnnxFields.Tensor.Name, initializer.Name)
            .WithBytes(OnnxFields.Tensor.RawData, RawData(initializer.Values, elementType));

    /// <summary>
    /// A <c>ValueInfoProto</c> for a graph input or output: a tensor of <paramref name="elementType"/> whose
    /// dimensions are symbolic names (such as <c>batch</c>) or fixed sizes.
    /// </summary>
    public static ProtoMessage ValueInfo(string name, OnnxElementType elementType, IEnumerable<OnnxDimension> dimensions)
    {
        var shape = ProtoMessage.Empty.WithMessages(OnnxFields.Type.Dimension, dimensions.Select(Dimension));
        var tensorType = ProtoMessage.Empty
            .WithVarint(OnnxFields.Type.ElementType, (long)elementType)
            .WithMessage(OnnxFields.Type.Shape, shape);
        return ProtoMessage.Empty
            .WithString(OnnxFields.ValueInfo.Name, name)
            .WithMessage(OnnxFields.ValueInfo.Type, ProtoMessage.Empty.WithMessage(OnnxFields.Type.TensorType, tensorType));
    }

    /// <summary>An <c>OperatorSetIdProto</c> of the default ONNX domain (the domain field is left out, meaning "").</summary>
    public static ProtoMessage DefaultOperatorSet(long version) =>
        ProtoMessage.Empty.WithVarint(OnnxFields.OperatorSetId.Version, version);

    /// <summary>The values as fixed-width little-endian IEEE-754 numbers of <paramref name="elementType"/>, row-major.</summary>
    public static byte[] RawData(IReadOnlyList<double> values, OnnxElementType elementType)
    {
        var width = elementType == OnnxElementType.Double ? sizeof(double) : sizeof(float);
        var bytes = new byte[values.Count * width];
        for (var i = 0; i < values.Count; i++)
        {
            if (elementType == OnnxElementType.Double) BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(i * width), values[i]);
            else BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * width), (float)values[i]);
        }
        return bytes;
    }

    private static ProtoMessage Dimension(OnnxDimension dimension) =>
        dimension.Symbol is { } symbol
            ? ProtoMessage.Empty.WithString(OnnxFields.Type.DimensionParameter, symbol)
            : ProtoMessage.Empty.WithVarint(OnnxFields.Type.DimensionValue, dimension.Size ?? 0);
}
