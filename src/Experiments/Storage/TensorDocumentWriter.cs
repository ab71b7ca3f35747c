using System.Text.Json;
using System.Text.Json.Serialization;

namespace Functional.NN.Experiments.Storage;

/// <summary>
/// Writes a <see cref="TensorDocument"/> exactly as the default serialization does (rows, columns, then
/// float64_little_endian or float32_little_endian, in that order, each only when given), but encodes the base64 of a document that holds its numbers straight into
/// the output, so saving a model or checkpoint builds no byte array and no string per tensor. Added only to the
/// options that write; reading uses the default, strict deserialization.
/// </summary>
internal sealed class TensorDocumentWriter : JsonConverter<TensorDocument>
{
    /// <summary>The one instance.</summary>
    public static readonly TensorDocumentWriter Instance = new();

    /// <summary>Options that write as <paramref name="options"/> do, with tensors written by this converter.</summary>
    public static JsonSerializerOptions For(JsonSerializerOptions options) => new(options) { Converters = { Instance } };

    /// <inheritdoc />
    public override TensorDocument Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("TensorDocumentWriter only writes; documents are read by the default deserialization");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TensorDocument value, JsonSerializerOptions options)
    {
        var naming = options.PropertyNamingPolicy;
        string Name(string property) => naming?.ConvertName(property) ?? property;
        writer.WriteStartObject();
        writer.WriteNumber(Name(nameof(TensorDocument.Rows)), value.Rows);
        writer.WriteNumber(Name(nameof(TensorDocument.Columns)), value.Columns);
        if (value.Values is { } held)
        {
            var key = held.ElementType == ElementType.Float32 ? nameof(TensorDocument.Float32LittleEndian) : nameof(TensorDocument.Float64LittleEndian);
            writer.WriteBase64String(Name(key), held.LittleEndianBytes());
        }
        else
        {
            if (value.Float64LittleEndian is { } float64) writer.WriteString(Name(nameof(TensorDocument.Float64LittleEndian)), float64);
            if (value.Float32LittleEndian is { } float32) writer.WriteString(Name(nameof(TensorDocument.Float32LittleEndian)), float32);
        }
        writer.WriteEndObject();
    }
}
