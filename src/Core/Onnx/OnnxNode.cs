using System.Collections.Immutable;

namespace Functional.NN.Onnx;

/// <summary>One operator application in an ONNX graph (a <c>NodeProto</c>), in the default ONNX domain.</summary>
/// <param name="Name">A name unique in the graph, for messages and viewers (<c>layer1.gemm</c>).</param>
/// <param name="OpType">The operator (<c>Gemm</c>, <c>Sigmoid</c>, ...).</param>
/// <param name="Inputs">Names of the values the operator reads, in the operator's order.</param>
/// <param name="Outputs">Names of the values it produces.</param>
/// <param name="Attributes">Its attributes.</param>
internal sealed record OnnxNode(
    string Name, string OpType, ImmutableArray<string> Inputs, ImmutableArray<string> Outputs, ImmutableArray<OnnxAttribute> Attributes)
{
    /// <summary>A node with one input, one output and the given attributes.</summary>
    public static OnnxNode Unary(string name, string opType, string input, string output, params OnnxAttribute[] attributes) =>
        new(name, opType, [input], [output], [.. attributes]);

    /// <summary>A node with two inputs and one output (<c>Add</c>, <c>Mul</c>, <c>Max</c>, ...).</summary>
    public static OnnxNode Binary(string name, string opType, string left, string right, string output) =>
        new(name, opType, [left, right], [output], []);
}

/// <summary>A named operator attribute (an <c>AttributeProto</c>) of one of the three kinds the exporter uses.</summary>
/// <param name="Name">The attribute's name (<c>transB</c>, <c>alpha</c>, <c>axis</c>, ...).</param>
internal abstract record OnnxAttribute(string Name)
{
    /// <summary>An integer attribute.</summary>
    public static OnnxAttribute Int(string name, long value) => new OnnxIntAttribute(name, value);

    /// <summary>A float attribute (ONNX attributes are single precision).</summary>
    public static OnnxAttribute Float(string name, float value) => new OnnxFloatAttribute(name, value);

    /// <summary>A string attribute.</summary>
    public static OnnxAttribute String(string name, string value) => new OnnxStringAttribute(name, value);
}

/// <summary>An <c>INT</c> attribute.</summary>
/// <param name="Name">The attribute's name.</param>
/// <param name="Value">Its value.</param>
internal sealed record OnnxIntAttribute(string Name, long Value) : OnnxAttribute(Name);

/// <summary>A <c>FLOAT</c> attribute.</summary>
/// <param name="Name">The attribute's name.</param>
/// <param name="Value">Its value.</param>
internal sealed record OnnxFloatAttribute(string Name, float Value) : OnnxAttribute(Name);

/// <summary>A <c>STRING</c> attribute.</summary>
/// <param name="Name">The attribute's name.</param>
/// <param name="Value">Its value.</param>
internal sealed record OnnxStringAttribute(string Name, string Value) : OnnxAttribute(Name);
