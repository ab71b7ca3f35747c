namespace Functional.NN.Onnx;

/// <summary>
/// The primitives of the protobuf wire format: base-128 varints and field tags. A tag is the varint
/// <c>(field_number &lt;&lt; 3) | wire_type</c>; a varint stores 7 bits per byte, least significant group
/// first, with the high bit set on every byte but the last. Negative int32 and int64 values are written
/// as their 64-bit two's complement, ten bytes long, as protobuf does for non-zigzag integer types.
/// </summary>
internal static class ProtoWire
{
    /// <summary>The largest field number protobuf allows, 2^29 - 1.</summary>
    public const int MaxFieldNumber = (1 << 29) - 1;

    /// <summary>The varint encoding of <paramref name="value"/>: 1 to 10 bytes.</summary>
    public static byte[] Varint(ulong value)
    {
        var bytes = new List<byte>(10);
        while (value >= 0x80)
        {
            bytes.Add((byte)(value | 0x80));
            value >>= 7;
        }
        bytes.Add((byte)value);
        return bytes.ToArray();
    }

    /// <summary>The varint encoding of a signed integer as protobuf's int64: negative values take ten bytes.</summary>
    public static byte[] Varint(long value) => Varint(unchecked((ulong)value));

    /// <summary>The tag of field <paramref name="fieldNumber"/> with wire type <paramref name="wireType"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When the field number is not in 1..2^29-1.</exception>
    public static byte[] Tag(int fieldNumber, ProtoWireType wireType)
    {
        if (fieldNumber < 1 || fieldNumber > MaxFieldNumber)
            throw new ArgumentOutOfRangeException(nameof(fieldNumber), fieldNumber, $"protobuf field numbers run from 1 to {MaxFieldNumber}");
        return Varint(((ulong)fieldNumber << 3) | (ulong)wireType);
    }
}
