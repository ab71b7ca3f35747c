using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Text;

namespace Functional.NN.Onnx;

/// <summary>
/// An immutable protobuf message under construction: an ordered list of encoded fields. Each
/// <c>With...</c> method returns a new message with one more field; <see cref="ToBytes"/> concatenates
/// them. Fields are written in the order they were added, so equal construction gives equal bytes.
/// Only the encodings the ONNX exporter needs are offered: varints, strings, bytes, embedded messages,
/// and 32-bit floats.
/// </summary>
internal sealed class ProtoMessage
{
    private readonly ImmutableList<byte[]> _fields;

    private ProtoMessage(ImmutableList<byte[]> fields) => _fields = fields;

    /// <summary>The message with no fields (zero bytes on the wire).</summary>
    public static ProtoMessage Empty { get; } = new(ImmutableList<byte[]>.Empty);

    /// <summary>Number of fields added so far (a repeated field counts once per element).</summary>
    public int FieldCount => _fields.Count;

    /// <summary>Adds an integer field (int32, int64, enum) encoded as a varint.</summary>
    public ProtoMessage WithVarint(int fieldNumber, long value) =>
        With(ProtoWire.Tag(fieldNumber, ProtoWireType.Varint), ProtoWire.Varint(value));

    /// <summary>Adds one varint field per value: a repeated integer field in the unpacked encoding.</summary>
    public ProtoMessage WithVarints(int fieldNumber, IEnumerable<long> values) =>
        values.Aggregate(this, (message, value) => message.WithVarint(fieldNumber, value));

    /// <summary>Adds a float field: four little-endian bytes of the IEEE-754 single.</summary>
    public ProtoMessage WithFloat(int fieldNumber, float value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteSingleLittleEndian(bytes, value);
        return With(ProtoWire.Tag(fieldNumber, ProtoWireType.Fixed32), bytes);
    }

    /// <summary>Adds a length-delimited field holding <paramref name="bytes"/>.</summary>
    public ProtoMessage WithBytes(int fieldNumber, ReadOnlySpan<byte> bytes) =>
        With(ProtoWire.Tag(fieldNumber, ProtoWireType.LengthDelimited), ProtoWire.Varint((ulong)bytes.Length), bytes.ToArray());

    /// <summary>Adds a string field, UTF-8 encoded.</summary>
    public ProtoMessage WithString(int fieldNumber, string value) => WithBytes(fieldNumber, Encoding.UTF8.GetBytes(value));

    /// <summary>Adds one string field per value: a repeated string field.</summary>
    public ProtoMessage WithStrings(int fieldNumber, IEnumerable<string> values) =>
        values.Aggregate(this, (message, value) => message.WithString(fieldNumber, value));

    /// <summary>Adds an embedded message field.</summary>
    public ProtoMessage WithMessage(int fieldNumber, ProtoMessage message) => WithBytes(fieldNumber, message.ToBytes());

    /// <summary>Adds one embedded message field per message: a repeated message field.</summary>
    public ProtoMessage WithMessages(int fieldNumber, IEnumerable<ProtoMessage> messages) =>
        messages.Aggregate(this, (message, element) => message.WithMessage(fieldNumber, element));

    /// <summary>The encoded message: every field, in the order added.</summary>
    public byte[] ToBytes() => Concatenate(_fields);

    private ProtoMessage With(params byte[][] parts) => new(_fields.Add(Concatenate(parts)));

    private static byte[] Concatenate(IReadOnlyCollection<byte[]> parts)
    {
        var result = new byte[parts.Sum(p => p.Length)];
        var offset = 0;
        foreach (var part in parts)
        {
            part.CopyTo(result, offset);
            offset += part.Length;
        }
        return result;
    }
}
