using System.Buffers;
using System.Text.Json;

namespace Functional.NN.Experiments.Storage;

/// <summary>
/// Serializes a document as UTF-8 JSON into a buffer borrowed from <see cref="ArrayPool{T}.Shared"/> and hands the
/// bytes to a function: writing a large payload (a model, a checkpoint) then allocates only what that function keeps.
/// A fresh page of memory costs more than writing it on the machines we run on, so the borrowed buffer matters.
/// </summary>
internal static class PooledJson
{
    /// <summary>
    /// <paramref name="use"/> applied to the JSON of <paramref name="value"/> as <paramref name="options"/> write it
    /// (indentation, new lines, encoder and converters as <see cref="JsonSerializer.SerializeToUtf8Bytes{TValue}(TValue, JsonSerializerOptions?)"/>
    /// gives them); the bytes are valid only during the call.
    /// </summary>
    public static TResult Write<T, TResult>(T value, JsonSerializerOptions options, Func<ReadOnlyMemory<byte>, TResult> use)
    {
        using var buffer = new PooledBufferWriter();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions(options)))
            JsonSerializer.Serialize(writer, value, options);
        return use(buffer.Written);
    }

    private static JsonWriterOptions WriterOptions(JsonSerializerOptions options) => new()
    {
        Encoder = options.Encoder,
        Indented = options.WriteIndented,
        IndentCharacter = options.IndentCharacter,
        IndentSize = options.IndentSize,
        NewLine = options.NewLine,
        MaxDepth = options.MaxDepth,
    };

    /// <summary>A growing buffer of pooled arrays; <see cref="Dispose"/> gives the array back.</summary>
    private sealed class PooledBufferWriter : IBufferWriter<byte>, IDisposable
    {
        private byte[] _array = ArrayPool<byte>.Shared.Rent(1 << 16);
        private int _count;

        /// <summary>The bytes written so far.</summary>
        public ReadOnlyMemory<byte> Written => _array.AsMemory(0, _count);

        public void Advance(int count) => _count += count;

        public Memory<byte> GetMemory(int sizeHint = 0) => Reserve(sizeHint).AsMemory(_count);

        public Span<byte> GetSpan(int sizeHint = 0) => Reserve(sizeHint).AsSpan(_count);

        public void Dispose()
        {
            ArrayPool<byte>.Shared.Return(_array);
            _array = [];
        }

        private byte[] Reserve(int sizeHint)
        {
            var needed = (long)_count + Math.Max(sizeHint, 1);
            if (needed <= _array.Length) return _array;
            var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(Array.MaxLength, Math.Max(needed, 2L * _array.Length)));
            _array.AsSpan(0, _count).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_array);
            _array = larger;
            return _array;
        }
    }
}
