namespace Functional.NN.Onnx;

/// <summary>
/// The protobuf wire types this encoder writes (protobuf encoding guide, "Message Structure"): the low
/// three bits of every field's tag.
/// </summary>
internal enum ProtoWireType
{
    /// <summary>0: a base-128 varint (int32, int64, uint64, bool, enum).</summary>
    Varint = 0,

    /// <summary>1: eight little-endian bytes (fixed64, double).</summary>
    Fixed64 = 1,

    /// <summary>2: a varint byte count followed by that many bytes (string, bytes, embedded messages, packed repeated fields).</summary>
    LengthDelimited = 2,

    /// <summary>5: four little-endian bytes (fixed32, float).</summary>
    Fixed32 = 5,
}
