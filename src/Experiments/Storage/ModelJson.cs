using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Experiments.Storage;

/// <summary>
/// The JSON form of <see cref="ModelDocument"/>: UTF-8, indented, snake_case property names, no escaping
/// beyond what JSON requires (the payload is never embedded in HTML). Reading is strict: a missing or null
/// property, an unknown or repeated property, or a value of the wrong type is an error naming its JSON
/// path, line and byte position.
/// </summary>
internal static class ModelJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowDuplicateProperties = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = StorageJsonContext.Default,
    };

    private static readonly JsonSerializerOptions WriteOptions = TensorDocumentWriter.For(Options);

    /// <summary>The UTF-8 JSON bytes of <paramref name="document"/>.</summary>
    public static Fin<byte[]> Serialize(ModelDocument document) => Write(document, json => json.ToArray());

    /// <summary>The bytes of a model file: <paramref name="document"/>'s JSON in the envelope of <paramref name="kind"/>.</summary>
    public static Fin<byte[]> Envelope(ModelDocument document, EnvelopeKind kind, int formatVersion) =>
        Write(document, json => ChecksummedEnvelope.Wrap(kind, formatVersion, json.Span));

    private static Fin<byte[]> Write(ModelDocument document, Func<ReadOnlyMemory<byte>, byte[]> use)
    {
        try
        {
            return PooledJson.Write(document, WriteOptions, use);
        }
        catch (ArgumentException e)
        {
            return Error.New($"the model cannot be written as JSON: {e.Message}");
        }
    }

    /// <summary>The document in <paramref name="utf8Json"/>, or an error naming the place in the JSON.</summary>
    public static Fin<ModelDocument> Deserialize(string source, byte[] utf8Json)
    {
        try
        {
            return JsonSerializer.Deserialize<ModelDocument>(utf8Json, Options) is { } document
                ? document
                : Error.New($"{source}: the model payload is JSON null");
        }
        catch (JsonException e)
        {
            return Error.New($"{source}: invalid model payload at {e.Path ?? "$"} (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {e.Message}");
        }
    }
}
