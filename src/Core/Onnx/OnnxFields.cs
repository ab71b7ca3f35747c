namespace Functional.NN.Onnx;

/// <summary>
/// The field numbers of the ONNX messages the exporter writes, as declared in <c>onnx/onnx.proto</c>
/// (proto2, package <c>onnx</c>). Only the fields used here are listed.
/// </summary>
internal static class OnnxFields
{
    /// <summary><c>ModelProto</c>: the top-level container.</summary>
    public static class Model
    {
        /// <summary><c>optional int64 ir_version = 1</c>.</summary>
        public const int IrVersion = 1;
        /// <summary><c>optional string producer_name = 2</c>.</summary>
        public const int ProducerName = 2;
        /// <summary><c>optional string producer_version = 3</c>.</summary>
        public const int ProducerVersion = 3;
        /// <summary><c>optional string doc_string = 6</c>.</summary>
        public const int DocString = 6;
        /// <summary><c>optional GraphProto graph = 7</c>.</summary>
        public const int Graph = 7;
        /// <summary><c>repeated OperatorSetIdProto opset_import = 8</c>.</summary>
        public const int OpsetImport = 8;
    }

    /// <summary><c>OperatorSetIdProto</c>: which version of an operator set a model uses.</summary>
    public static class OperatorSetId
    {
        /// <summary><c>optional string domain = 1</c> (empty: the default ONNX domain).</summary>
        public const int Domain = 1;
        /// <summary><c>optional int64 version = 2</c>.</summary>
        public const int Version = 2;
    }

    /// <summary><c>GraphProto</c>: nodes, initializers, inputs and outputs.</summary>
    public static class Graph
    {
        /// <summary><c>repeated NodeProto node = 1</c>, topologically sorted.</summary>
        public const int Node = 1;
        /// <summary><c>optional string name = 2</c>.</summary>
        public const int Name = 2;
        /// <summary><c>repeated TensorProto initializer = 5</c>.</summary>
        public const int Initializer = 5;
        /// <summary><c>optional string doc_string = 10</c>.</summary>
        public const int DocString = 10;
        /// <summary><c>repeated ValueInfoProto input = 11</c>.</summary>
        public const int Input = 11;
        /// <summary><c>repeated ValueInfoProto output = 12</c>.</summary>
        public const int Output = 12;
    }

    /// <summary><c>NodeProto</c>: one operator application.</summary>
    public static class Node
    {
        /// <summary><c>repeated string input = 1</c>.</summary>
        public const int Input = 1;
        /// <summary><c>repeated string output = 2</c>.</summary>
        public const int Output = 2;
        /// <summary><c>optional string name = 3</c>.</summary>
        public const int Name = 3;
        /// <summary><c>optional string op_type = 4</c>.</summary>
        public const int OpType = 4;
        /// <summary><c>repeated AttributeProto attribute = 5</c>.</summary>
        public const int Attribute = 5;
    }

    /// <summary><c>AttributeProto</c>: a named operator attribute.</summary>
    public static class Attribute
    {
        /// <summary><c>optional string name = 1</c>.</summary>
        public const int Name = 1;
        /// <summary><c>optional float f = 2</c>.</summary>
        public const int Float = 2;
        /// <summary><c>optional int64 i = 3</c>.</summary>
        public const int Int = 3;
        /// <summary><c>optional bytes s = 4</c> (UTF-8).</summary>
        public const int String = 4;
        /// <summary><c>optional AttributeType type = 20</c>.</summary>
        public const int Type = 20;

        /// <summary><c>AttributeProto.AttributeType.FLOAT</c>.</summary>
        public const int TypeFloat = 1;
        /// <summary><c>AttributeProto.AttributeType.INT</c>.</summary>
        public const int TypeInt = 2;
        /// <summary><c>AttributeProto.AttributeType.STRING</c>.</summary>
        public const int TypeString = 3;
    }

    /// <summary><c>TensorProto</c>: a constant tensor (an initializer).</summary>
    public static class Tensor
    {
        /// <summary><c>repeated int64 dims = 1</c>.</summary>
        public const int Dims = 1;
        /// <summary><c>optional int32 data_type = 2</c> (a <c>TensorProto.DataType</c>).</summary>
        public const int DataType = 2;
        /// <summary><c>optional string name = 8</c>.</summary>
        public const int Name = 8;
        /// <summary><c>optional bytes raw_data = 9</c>: fixed-width little-endian elements, row-major.</summary>
        public const int RawData = 9;
    }

    /// <summary><c>ValueInfoProto</c>: the name and type of a graph input or output.</summary>
    public static class ValueInfo
    {
        /// <summary><c>optional string name = 1</c>.</summary>
        public const int Name = 1;
        /// <summary><c>optional TypeProto type = 2</c>.</summary>
        public const int Type = 2;
    }

    /// <summary><c>TypeProto</c> and its nested <c>Tensor</c>, <c>TensorShapeProto</c> and <c>Dimension</c>.</summary>
    public static class Type
    {
        /// <summary><c>TypeProto: Tensor tensor_type = 1</c>.</summary>
        public const int TensorType = 1;
        /// <summary><c>TypeProto.Tensor: optional int32 elem_type = 1</c>.</summary>
        public const int ElementType = 1;
        /// <summary><c>TypeProto.Tensor: optional TensorShapeProto shape = 2</c>.</summary>
        public const int Shape = 2;
        /// <summary><c>TensorShapeProto: repeated Dimension dim = 1</c>.</summary>
        public const int Dimension = 1;
        /// <summary><c>TensorShapeProto.Dimension: int64 dim_value = 1</c>.</summary>
        public const int DimensionValue = 1;
        /// <summary><c>TensorShapeProto.Dimension: string dim_param = 2</c> (a symbolic size).</summary>
        public const int DimensionParameter = 2;
    }
}
