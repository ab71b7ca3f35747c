using System.Text;

namespace Functional.NN.Tests.Onnx;

/// <summary>One decoded protobuf field: its number, wire type, and its varint value or its bytes.</summary>
public sealed record ProtoField(int Number, int WireType, ulong Varint, byte[] Bytes)
{
    /// <summary>The bytes as UTF-8 text.</summary>
    public string Text => Encoding.UTF8.GetString(Bytes);

    /// <summary>The bytes as an embedded message.</summary>
    public IReadOnlyList<ProtoField> Message => ProtoReader.Read(Bytes);
}

/// <summary>
/// A minimal protobuf decoder for the tests, written independently of the encoder: it splits a message
/// into its fields, so the exported bytes can be checked field number by field number.
/// </summary>
public static class ProtoReader
{
    /// <summary>Every top-level field of <paramref name="bytes"/>, in order.</summary>
    public static IReadOnlyList<ProtoField> Read(byte[] bytes)
    {
        var fields = new List<ProtoField>();
        var position = 0;
        while (position < bytes.Length)
        {
            var tag = ReadVarint(bytes, ref position);
            var (number, wireType) = ((int)(tag >> 3), (int)(tag & 7));
            switch (wireType)
            {
                case 0: fields.Add(new(number, wireType, ReadVarint(bytes, ref position), [])); break;
                case 1: fields.Add(new(number, wireType, 0, bytes[position..(position += 8)])); break;
                case 2:
                    var length = (int)ReadVarint(bytes, ref position);
                    fields.Add(new(number, wireType, 0, bytes[position..(position += length)]));
                    break;
                case 5: fields.Add(new(number, wireType, 0, bytes[position..(position += 4)])); break;
                default: throw new InvalidDataException($"wire type {wireType} at byte {position}");
            }
        }
        return fields;
    }

    /// <summary>The fields numbered <paramref name="number"/>.</summary>
    public static IEnumerable<ProtoField> All(this IReadOnlyList<ProtoField> fields, int number) => fields.Where(f => f.Number == number);

    /// <summary>The one field numbered <paramref name="number"/>.</summary>
    public static ProtoField One(this IReadOnlyList<ProtoField> fields, int number) => fields.Single(f => f.Number == number);

    private static ulong ReadVarint(byte[] bytes, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = bytes[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return value;
        }
    }
}
