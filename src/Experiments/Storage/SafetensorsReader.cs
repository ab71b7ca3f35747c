using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Text.Json;
using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Experiments.Storage;

/// <summary>
/// Reads the safetensors format (see <see cref="SafetensorsWriter"/>) with bounded reads: the header length is
/// checked against the file's size (and a 100 MB cap, the reference implementation's) before anything is
/// allocated for it. Every problem is an error value starting with the file name: a file shorter than 8
/// bytes, a header length past the end of the file, a header that is not a JSON object (or has a key twice),
/// an entry without <c>dtype</c>, <c>shape</c> or <c>data_offsets</c> or with other keys, an unknown dtype,
/// a negative dimension, offsets outside the data, a byte count that does not match the shape and dtype, and
/// tensors whose data overlap or leave a gap (the data section must be covered exactly, as the reference
/// implementation requires), and <c>__metadata__</c> that is not a map of strings.
/// </summary>
internal static class SafetensorsReader
{
    /// <summary>The largest header this reader accepts, in bytes (the reference implementation's limit).</summary>
    public const long MaxHeaderBytes = 100_000_000;

    /// <summary>The contents of the safetensors file at <paramref name="path"/>.</summary>
    public static Fin<SafetensorsContents> Read(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            var length = stream.Length;
            if (length < 8) return Error.New($"{path}: not a safetensors file: {length} bytes, fewer than the 8-byte header length");
            var prefix = new byte[8];
            stream.ReadExactly(prefix);
            var headerLength = BinaryPrimitives.ReadUInt64LittleEndian(prefix);
            if (HeaderLengthProblem(headerLength, length) is { } problem) return Error.New($"{path}: {problem}");
            var header = new byte[(int)headerLength];
            stream.ReadExactly(header);
            var dataLength = length - 8 - (long)headerLength;
            if (dataLength > Array.MaxLength) return Error.New($"{path}: the data section has {dataLength} bytes, more than this reader can hold");
            var data = new byte[dataLength];
            stream.ReadExactly(data);
            return Parse(path, header, data);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return Error.New(e is FileNotFoundException or DirectoryNotFoundException ? $"{path}: no such file" : $"{path}: cannot read: {e.Message}");
        }
    }

    /// <summary>The contents of <paramref name="file"/>, the bytes of a safetensors file named <paramref name="source"/> in messages.</summary>
    public static Fin<SafetensorsContents> Decode(string source, ReadOnlyMemory<byte> file)
    {
        if (file.Length < 8) return Error.New($"{source}: not a safetensors file: {file.Length} bytes, fewer than the 8-byte header length");
        var headerLength = BinaryPrimitives.ReadUInt64LittleEndian(file.Span);
        if (HeaderLengthProblem(headerLength, file.Length) is { } problem) return Error.New($"{source}: {problem}");
        return Parse(source, file.Slice(8, (int)headerLength), file[(8 + (int)headerLength)..]);
    }

    private static string? HeaderLengthProblem(ulong headerLength, long fileLength) =>
        headerLength > (ulong)(fileLength - 8)
            ? $"not a safetensors file, or truncated: the header length is {headerLength} bytes, but only {fileLength - 8} bytes follow it"
            : headerLength > MaxHeaderBytes
                ? $"the header length {headerLength} bytes exceeds the limit of {MaxHeaderBytes} bytes"
                : headerLength < 2
                    ? $"not a safetensors file: the header length is {headerLength} bytes, too short for a JSON object"
                    : null;

    private static Fin<SafetensorsContents> Parse(string source, ReadOnlyMemory<byte> header, ReadOnlyMemory<byte> data)
    {
        if (header.Span[0] != (byte)'{') return Error.New($"{source}: malformed safetensors header: it does not start with '{{'");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(header, new JsonDocumentOptions { AllowDuplicateProperties = false, MaxDepth = 8 });
        }
        catch (JsonException e)
        {
            return Error.New($"{source}: malformed safetensors header (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {e.Message}");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return Error.New($"{source}: malformed safetensors header: expected a JSON object, got {document.RootElement.ValueKind}");
            var metadata = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
            var entries = new List<Entry>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                var read = property.Name == SafetensorsWriter.MetadataKey
                    ? ReadMetadata(property.Value, metadata)
                    : ReadEntry(property.Name, property.Value, data.Length).Map(entry => { entries.Add(entry); return Prelude.unit; });
                if (read.IsFail) return read.Match(Succ: _ => throw new InvalidOperationException(), Fail: e => Error.New($"{source}: {e.Message}"));
            }
            return Layout(entries, data.Length).Match(
                Succ: ordered => Fin<SafetensorsContents>.Succ(new SafetensorsContents(
                    [.. ordered.Select(e => new SafetensorsTensor(e.Name, e.DType, e.Shape, data[(int)e.Begin..(int)e.End]))],
                    metadata.ToImmutable())),
                Fail: e => Error.New($"{source}: {e.Message}"));
        }
    }

    private sealed record Entry(string Name, string DType, ImmutableArray<long> Shape, long Begin, long End);

    private static Fin<Unit> ReadMetadata(JsonElement value, ImmutableSortedDictionary<string, string>.Builder metadata)
    {
        if (value.ValueKind != JsonValueKind.Object)
            return Error.New($"malformed safetensors header: {SafetensorsWriter.MetadataKey} must be an object of strings, got {value.ValueKind}");
        foreach (var item in value.EnumerateObject())
        {
            if (item.Value.ValueKind != JsonValueKind.String)
                return Error.New($"malformed safetensors header: {SafetensorsWriter.MetadataKey}.{item.Name} must be a string, got {item.Value.ValueKind}");
            metadata[item.Name] = item.Value.GetString()!;
        }
        return Prelude.unit;
    }

    private static Fin<Entry> ReadEntry(string name, JsonElement value, long dataLength)
    {
        var where = $"tensor '{name}'";
        if (value.ValueKind != JsonValueKind.Object) return Error.New($"{where}: expected an object with dtype, shape and data_offsets, got {value.ValueKind}");
        var extra = value.EnumerateObject().Select(p => p.Name).Where(k => k is not ("dtype" or "shape" or "data_offsets")).ToList();
        if (extra.Count > 0) return Error.New($"{where}: unexpected key(s) {string.Join(", ", extra)} (expected dtype, shape, data_offsets)");
        if (!value.TryGetProperty("dtype", out var dtype) || dtype.ValueKind != JsonValueKind.String)
            return Error.New($"{where}: dtype is missing or not a string");
        var type = dtype.GetString()!;
        if (!SafetensorsTensor.ElementSizes.TryGetValue(type, out var size))
            return Error.New($"{where}: unknown dtype '{type}' (known: {string.Join(", ", SafetensorsTensor.ElementSizes.Keys.Order(StringComparer.Ordinal))})");
        if (!value.TryGetProperty("shape", out var shapeValue) || Integers(shapeValue) is not { } shape)
            return Error.New($"{where}: shape is missing or not a list of whole numbers >= 0");
        if (!value.TryGetProperty("data_offsets", out var offsetsValue) || Integers(offsetsValue) is not { Length: 2 } offsets)
            return Error.New($"{where}: data_offsets is missing or not a pair [begin, end] of whole numbers >= 0");
        var (begin, end) = (offsets[0], offsets[1]);
        if (begin > end || end > dataLength)
            return Error.New($"{where}: data_offsets [{begin}, {end}] do not lie within the {dataLength}-byte data section");
        var count = SafetensorsTensor.ElementCount(shape);
        if (count < 0 || count > (end - begin) / size || count * size != end - begin)
            return Error.New($"{where}: shape {SafetensorsTensor.ShapeOf(shape)} of {type} needs {(count < 0 ? "too many" : (count * size).ToString(System.Globalization.CultureInfo.InvariantCulture))} bytes, " +
                             $"data_offsets [{begin}, {end}] give {end - begin}");
        return new Entry(name, type, [.. shape], begin, end);
    }

    private static long[]? Integers(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array) return null;
        var numbers = new List<long>();
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt64(out var n) || n < 0) return null;
            numbers.Add(n);
        }
        return [.. numbers];
    }

    private static Fin<List<Entry>> Layout(List<Entry> entries, long dataLength)
    {
        var ordered = entries.OrderBy(e => e.Begin).ThenBy(e => e.End).ToList();
        long position = 0;
        foreach (var entry in ordered)
        {
            if (entry.Begin != position)
                return Error.New($"malformed safetensors file: tensor '{entry.Name}' starts at byte {entry.Begin} of the data, " +
                                 $"expected {position} ({(entry.Begin < position ? "it overlaps the tensor before it" : "a gap of unused bytes")})");
            position = entry.End;
        }
        return position == dataLength
            ? ordered
            : Error.New($"malformed safetensors file: the tensors cover {position} bytes of data, the file has {dataLength}");
    }
}
