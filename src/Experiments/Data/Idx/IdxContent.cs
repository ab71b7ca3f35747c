using System.Buffers.Binary;
using System.IO.Compression;
using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Experiments.Data.Idx;

/// <summary>
/// The bytes of an IDX file as stored and as parsed: a file whose first two bytes are the gzip magic
/// 0x1f 0x8b is decompressed, any other file is taken as plain IDX.
/// </summary>
/// <param name="Source">How messages name the content: the path, with "(after gzip decompression)" for gzip files.</param>
/// <param name="Raw">The bytes as stored on disk (what the data set's SHA-256 covers).</param>
/// <param name="Bytes">The IDX bytes: <paramref name="Raw"/> itself or its decompression.</param>
internal sealed record IdxContent(string Source, byte[] Raw, byte[] Bytes)
{
    /// <summary>The content of the file at <paramref name="path"/>.</summary>
    public static Fin<IdxContent> Read(string path)
    {
        byte[] raw;
        try
        {
            raw = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return Error.New($"{path}: cannot read the file: {e.Message}");
        }
        return FromBytes(path, raw);
    }

    /// <summary>The content of <paramref name="raw"/>, the bytes of the file named <paramref name="path"/> in messages.</summary>
    public static Fin<IdxContent> FromBytes(string path, byte[] raw)
    {
        if (!IsGzip(raw)) return new IdxContent(path, raw, raw);
        try
        {
            return new IdxContent($"{path} (after gzip decompression)", raw, Decompress(raw));
        }
        catch (InvalidDataException e)
        {
            return Error.New($"{path}: corrupt gzip data: {e.Message}");
        }
    }

    /// <summary>
    /// The decompressed bytes, read straight into an array of the size the gzip trailer states (ISIZE, the last
    /// four bytes, trusted up to 16 times the compressed size so that a damaged trailer cannot ask for gigabytes);
    /// when the stream holds another number of bytes (several members, a damaged trailer, data compressed more
    /// than 16 times), the bytes actually decompressed.
    /// </summary>
    private static byte[] Decompress(byte[] raw)
    {
        var stated = raw.Length >= 18 ? BinaryPrimitives.ReadUInt32LittleEndian(raw.AsSpan(raw.Length - 4)) : 0u;
        using var gzip = new GZipStream(new MemoryStream(raw, writable: false), CompressionMode.Decompress);
        var buffer = new byte[Math.Min(stated, Math.Min(16L * raw.Length, Array.MaxLength))];
        var read = gzip.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        if (read < buffer.Length) return buffer[..read];
        using var rest = new MemoryStream();
        gzip.CopyTo(rest);
        if (rest.Length == 0) return buffer;
        var all = new byte[buffer.Length + rest.Length];
        buffer.CopyTo(all, 0);
        rest.GetBuffer().AsSpan(0, (int)rest.Length).CopyTo(all.AsSpan(buffer.Length));
        return all;
    }

    /// <summary>True when <paramref name="bytes"/> start with the gzip magic 0x1f 0x8b.</summary>
    public static bool IsGzip(ReadOnlySpan<byte> bytes) => bytes.Length >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b;
}
