using System.Buffers.Binary;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Functional.NN.Experiments.Storage;

/// <summary>
/// Writes the safetensors format (huggingface/safetensors): an 8-byte little-endian unsigned header length N,
/// N bytes of UTF-8 JSON, then the tensors' raw bytes back to back. The header maps each tensor's name to
/// <c>{"dtype", "shape", "data_offsets": [begin, end]}</c> (offsets relative to the start of the data, end
/// exclusive) and may hold <c>"__metadata__"</c>, a map of strings to strings. The JSON is padded with spaces to
/// a multiple of 8 bytes, as the reference implementation does, so the data starts 8-byte aligned. Tensors are
/// written in the order given; the same tensors and metadata give the same bytes.
/// </summary>
internal static class SafetensorsWriter
{
    /// <summary>The key of the metadata map in the header.</summary>
    public const string MetadataKey = "__metadata__";

    /// <summary>The complete bytes of a safetensors file holding <paramref name="tensors"/> and <paramref name="metadata"/>.</summary>
    /// <exception cref="ArgumentException">When two tensors share a name or a name is the metadata key (a bug in the caller).</exception>
    public static byte[] Encode(IReadOnlyList<SafetensorsTensor> tensors, IReadOnlyDictionary<string, string> metadata)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tensor in tensors)
            if (!names.Add(tensor.Name) || tensor.Name == MetadataKey)
                throw new ArgumentException($"tensor name '{tensor.Name}' is used twice or is reserved");

        var header = Header(tensors, metadata);
        var padded = (header.Length + 7) / 8 * 8;
        var dataLength = tensors.Sum(t => (long)t.Bytes.Length);
        var bytes = new byte[checked(8 + padded + dataLength)];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)padded);
        header.CopyTo(bytes, 8);
        bytes.AsSpan(8 + header.Length, padded - header.Length).Fill((byte)' ');
        var offset = 8 + padded;
        foreach (var tensor in tensors)
        {
            tensor.Bytes.Span.CopyTo(bytes.AsSpan(offset));
            offset += tensor.Bytes.Length;
        }
        return bytes;
    }

    private static byte[] Header(IReadOnlyList<SafetensorsTensor> tensors, IReadOnlyDictionary<string, string> metadata)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            if (metadata.Count > 0)
            {
                json.WriteStartObject(MetadataKey);
                foreach (var (key, value) in metadata.OrderBy(m => m.Key, StringComparer.Ordinal))
                    json.WriteString(key, value);
                json.WriteEndObject();
            }
            long begin = 0;
            foreach (var tensor in tensors)
            {
                json.WriteStartObject(tensor.Name);
                json.WriteString("dtype", tensor.DType);
                json.WriteStartArray("shape");
                foreach (var dimension in tensor.Shape) json.WriteNumberValue(dimension);
                json.WriteEndArray();
                json.WriteStartArray("data_offsets");
                json.WriteNumberValue(begin);
                json.WriteNumberValue(begin + tensor.Bytes.Length);
                json.WriteEndArray();
                json.WriteEndObject();
                begin += tensor.Bytes.Length;
            }
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
