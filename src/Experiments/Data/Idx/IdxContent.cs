using System.Buffers.Binary;
using System.IO.Compression;
using Functional.NN.Experiments.Storage;
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
    /// <summary>The largest IDX array read: 2^31 - 64 bytes (.NET's largest array); the memory available may lower it.</summary>
    public static long MaxBytes => Array.MaxLength;

    /// <summary>
    /// The content of the file at <paramref name="path"/>: a regular file only (<see cref="BoundedFile"/>); a plain
    /// file whose first bytes are not an IDX magic number is refused before the rest is read.
    /// </summary>
    public static Fin<IdxContent> Read(string path) =>
        from stream in BoundedFile.Open(path, "IDX file")
        from content in BoundedFile.Use(stream, s => Read(s, path))
        select content;

    private static Fin<IdxContent> Read(FileStream stream, string path)
    {
        var prefix = new byte[4];
        int got;
        try
        {
            got = stream.ReadAtLeast(prefix, prefix.Length, throwOnEndOfStream: false);
            stream.Position = 0;
        }
        catch (IOException e)
        {
            return Error.New($"{path}: cannot read the IDX file: {FileProblem.Describe(e)}");
        }
        if (!IsGzip(prefix.AsSpan(0, got)) && got == 4 && (prefix[0] != 0 || prefix[1] != 0))
            return new IdxContent(path, prefix, prefix); // IdxFormat.Parse names the wrong magic number
        return from raw in BoundedFile.ReadAll(stream, path, MaxBytes, "IDX file")
               from content in FromBytes(path, raw)
               select content;
    }

    /// <summary>The content of <paramref name="raw"/>, the bytes of the file named <paramref name="path"/> in messages.</summary>
    public static Fin<IdxContent> FromBytes(string path, byte[] raw)
    {
        if (!IsGzip(raw)) return new IdxContent(path, raw, raw);
        var source = $"{path} (after gzip decompression)";
        try
        {
            return Decompress(raw, source).Map(bytes => new IdxContent(source, raw, bytes));
        }
        catch (InvalidDataException e)
        {
            return Error.New($"{path}: corrupt gzip data: {e.Message}");
        }
    }

    /// <summary>
    /// The decompressed bytes, never more than the IDX header inside declares: the magic number and the
    /// dimensions are inflated first, the size they declare is checked against <see cref="MaxBytes"/> and the
    /// memory available, exactly that many bytes are inflated, and a stream that holds more is refused, so a
    /// small file that inflates without end (a "gzip bomb") costs no more than its header states. A header
    /// that is not an IDX header is returned as inflated so far, for <see cref="IdxFormat.Parse"/> to name.
    /// </summary>
    private static Fin<byte[]> Decompress(byte[] raw, string source)
    {
        using var gzip = new GZipStream(new MemoryStream(raw, writable: false), CompressionMode.Decompress);
        var magic = new byte[4];
        var got = gzip.ReadAtLeast(magic, 4, throwOnEndOfStream: false);
        if (got < 4 || magic[0] != 0 || magic[1] != 0 || magic[2] != 0x08 || magic[3] is < 1 or > 3) return magic[..got];
        var rank = magic[3];
        var header = new byte[4 + 4 * rank];
        magic.CopyTo(header, 0);
        got = 4 + gzip.ReadAtLeast(header.AsSpan(4), header.Length - 4, throwOnEndOfStream: false);
        if (got < header.Length) return header[..got];
        var declared = (double)header.Length;
        var elements = 1.0;
        for (var axis = 0; axis < rank; axis++)
            elements *= Math.Max(0, BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(4 + 4 * axis)));
        declared += elements;
        if (declared > MaxBytes)
            return Error.New($"{source}: the header declares {elements} data bytes, more than the {MaxBytes} this build reads");
        var fits = MemoryBudget.Check(declared, $"decompressing {source}");
        if (fits.IsFail) return fits.Map(_ => Array.Empty<byte>());
        if (declared <= 16.0 * raw.Length + header.Length) return InflateDeclared(gzip, header, (int)declared, source);
        // Grown as data arrives, so a damaged header that declares gigabytes costs only what the stream holds.
        using var inflated = new MemoryStream((int)Math.Min(declared, 16L * raw.Length + header.Length));
        inflated.Write(header);
        var chunk = new byte[64 * 1024];
        while (inflated.Length < declared)
        {
            var read = gzip.Read(chunk, 0, (int)Math.Min(chunk.Length, (long)declared - inflated.Length));
            if (read == 0) return inflated.ToArray();
            inflated.Write(chunk, 0, read);
        }
        Span<byte> probe = stackalloc byte[1];
        if (gzip.Read(probe) > 0)
            return Error.New($"{source}: more data after the {inflated.Length} bytes its IDX header declares; refusing to inflate further");
        return inflated.ToArray();
    }

    /// <summary>
    /// The <paramref name="declared"/> bytes of a header whose size is plausible for its compressed file (at most 16
    /// times it), inflated straight into one array of that size: no growing buffer and no final copy, which matters
    /// when every page of fresh memory is costly. A stream that ends early gives what it held; one that holds more is refused.
    /// </summary>
    private static Fin<byte[]> InflateDeclared(GZipStream gzip, byte[] header, int declared, string source)
    {
        var bytes = GC.AllocateUninitializedArray<byte>(declared);
        header.CopyTo(bytes, 0);
        var got = header.Length + gzip.ReadAtLeast(bytes.AsSpan(header.Length), declared - header.Length, throwOnEndOfStream: false);
        if (got < declared) return bytes[..got];
        Span<byte> probe = stackalloc byte[1];
        if (gzip.Read(probe) > 0)
            return Error.New($"{source}: more data after the {declared} bytes its IDX header declares; refusing to inflate further");
        return bytes;
    }

    /// <summary>True when <paramref name="bytes"/> start with the gzip magic 0x1f 0x8b.</summary>
    public static bool IsGzip(ReadOnlySpan<byte> bytes) => bytes.Length >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b;
}
