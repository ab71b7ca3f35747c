using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Experiments.Storage;

/// <summary>
/// A binary envelope that makes a half-written, truncated, extended or corrupted file always detectable:
/// header, payload length and SHA-256, then the payload. Model files use it and checkpoints can too.
/// Layout (integers little-endian; docs/model-format.md has the full description):
/// <code>
/// offset  size  field
/// 0       8     magic 89 46 4E 4E 0D 0A 1A 0A ("\x89FNN\r\n\x1A\n")
/// 8       2     envelope layout version, u16 = 1
/// 10      1     kind length K, 1..255
/// 11      K     kind marker, ASCII (e.g. "fnn-model")
/// 11+K    4     format version of the kind, u32
/// 15+K    8     payload length N, u64
/// 23+K    32    SHA-256 of bytes [0, 23+K) followed by the N payload bytes
/// 55+K    N     payload
/// </code>
/// The file is exactly 55 + K + N bytes long.
/// </summary>
internal static class ChecksummedEnvelope
{
    /// <summary>The eight magic bytes, chosen as PNG's are: a high byte, the name, and line-ending bytes that text-mode transfers would alter.</summary>
    public static ReadOnlySpan<byte> Magic => [0x89, (byte)'F', (byte)'N', (byte)'N', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The envelope layout this code writes and reads.</summary>
    public const ushort LayoutVersion = 1;

    private const int ChecksumLength = 32;

    /// <summary>The envelope holding <paramref name="payload"/> as <paramref name="kind"/> in format <paramref name="formatVersion"/>.</summary>
    public static byte[] Wrap(EnvelopeKind kind, int formatVersion, ReadOnlySpan<byte> payload)
    {
        var marker = Encoding.ASCII.GetBytes(kind.Marker);
        if (marker.Length is < 1 or > 255 || kind.Marker.Any(c => c > 127))
            throw new ArgumentException($"kind marker '{kind.Marker}' must be 1 to 255 ASCII characters", nameof(kind));
        ArgumentOutOfRangeException.ThrowIfNegative(formatVersion);
        var headerLength = HeaderLength(marker.Length);
        var bytes = new byte[headerLength + ChecksumLength + payload.Length];
        Magic.CopyTo(bytes);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), LayoutVersion);
        bytes[10] = (byte)marker.Length;
        marker.CopyTo(bytes, 11);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(11 + marker.Length), (uint)formatVersion);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(15 + marker.Length), (ulong)payload.Length);
        payload.CopyTo(bytes.AsSpan(headerLength + ChecksumLength));
        Checksum(bytes.AsSpan(0, headerLength), payload).CopyTo(bytes.AsSpan(headerLength));
        return bytes;
    }

    /// <summary>
    /// The format version and payload of the envelope in <paramref name="bytes"/> (read from
    /// <paramref name="source"/>), checked in this order: magic ("not a Functional.NN {noun} file"),
    /// layout version, header and payload length against the actual size (truncated or extended), SHA-256
    /// (corrupted), and finally the kind marker.
    /// </summary>
    public static Fin<EnvelopeContents> Unwrap(string source, ReadOnlySpan<byte> bytes, EnvelopeKind expected)
    {
        var checkedHeader = CheckHeader(source, bytes, bytes.Length, expected);
        if (checkedHeader.IsFail) return checkedHeader.Map(_ => default(EnvelopeContents)!);
        var (headerLength, markerLength) = checkedHeader.ThrowIfFail();

        var payload = bytes[(headerLength + ChecksumLength)..];
        var stored = bytes.Slice(headerLength, ChecksumLength);
        var computed = Checksum(bytes[..headerLength], payload);
        if (!stored.SequenceEqual(computed))
            return Error.New($"{source}: checksum mismatch, the file is corrupted: stored SHA-256 {Convert.ToHexStringLower(stored)}, " +
                             $"computed {Convert.ToHexStringLower(computed)}");

        var marker = Encoding.ASCII.GetString(bytes.Slice(11, markerLength));
        if (marker != expected.Marker)
            return Error.New($"{source}: not a Functional.NN {expected.Noun} file: it holds '{marker}', expected '{expected.Marker}'");
        var formatVersion = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(11 + markerLength)..]);
        if (formatVersion > int.MaxValue)
            return Error.New($"{source}: unsupported {expected.Noun} format version {formatVersion}");
        return new EnvelopeContents((int)formatVersion, payload.ToArray());
    }

    /// <summary>Writes the envelope to <paramref name="path"/> atomically (<see cref="AtomicFile"/>).</summary>
    public static Fin<Unit> Write(string path, EnvelopeKind kind, int formatVersion, ReadOnlySpan<byte> payload) =>
        AtomicFile.WriteAllBytes(path, Wrap(kind, formatVersion, payload));

    /// <summary>
    /// Reads and checks the envelope in the file at <paramref name="path"/>: a regular file only
    /// (<see cref="BoundedFile"/>); its header (at most 310 bytes) is read and checked against the file's size
    /// first, so a file of another kind or a wrong size is refused before its body is read or allocated.
    /// </summary>
    public static Fin<EnvelopeContents> Read(string path, EnvelopeKind expected) =>
        from stream in BoundedFile.Open(path, $"{expected.Noun} file")
        from contents in BoundedFile.Use(stream, s => Read(s, path, expected))
        select contents;

    private static Fin<EnvelopeContents> Read(FileStream stream, string path, EnvelopeKind expected)
    {
        byte[] prefix;
        long length;
        try
        {
            length = stream.Length;
            prefix = new byte[Math.Min(length, HeaderLength(255) + ChecksumLength)];
            stream.ReadAtLeast(prefix, prefix.Length, throwOnEndOfStream: false);
            stream.Position = 0;
        }
        catch (IOException e)
        {
            return Error.New($"{path}: cannot read the {expected.Noun} file: {FileProblem.Describe(e)}");
        }
        return from _ in CheckHeader(path, prefix, length, expected)
               from bytes in BoundedFile.ReadAll(stream, path, Array.MaxLength, $"{expected.Noun} file")
               from contents in Unwrap(path, bytes, expected)
               select contents;
    }

    /// <summary>
    /// The checks that need only the first bytes of a file of <paramref name="length"/> bytes: magic, layout
    /// version, kind marker length, header size, and the payload length the header states against the size.
    /// </summary>
    private static Fin<(int HeaderLength, int MarkerLength)> CheckHeader(string source, ReadOnlySpan<byte> bytes, long length, EnvelopeKind expected)
    {
        if (bytes.Length < Magic.Length || !bytes[..Magic.Length].SequenceEqual(Magic))
            return Error.New($"{source}: not a Functional.NN {expected.Noun} file (it does not start with the Functional.NN magic bytes)");
        if (length < 11)
            return Error.New($"{source}: truncated: the header needs at least 11 bytes, the file has {length}");
        var layout = BinaryPrimitives.ReadUInt16LittleEndian(bytes[8..]);
        if (layout != LayoutVersion)
            return Error.New($"{source}: unsupported envelope layout version {layout} (this build reads {LayoutVersion})");
        var markerLength = bytes[10];
        var headerLength = HeaderLength(markerLength);
        if (markerLength == 0)
            return Error.New($"{source}: corrupted header: the kind marker is empty");
        if (length < headerLength + ChecksumLength)
            return Error.New($"{source}: truncated: the header needs {headerLength + ChecksumLength} bytes, the file has {length}");

        var payloadLength = BinaryPrimitives.ReadUInt64LittleEndian(bytes[(15 + markerLength)..]);
        var available = (ulong)(length - headerLength - ChecksumLength);
        var expectedTotal = (decimal)(headerLength + ChecksumLength) + payloadLength;
        if (payloadLength > available)
            return Error.New($"{source}: truncated: expected {expectedTotal} bytes ({headerLength + ChecksumLength}-byte header and " +
                             $"{payloadLength}-byte payload), the file has {length}");
        if (payloadLength < available)
            return Error.New($"{source}: {available - payloadLength} unexpected bytes after the payload: expected {expectedTotal} bytes, " +
                             $"the file has {length}");
        return (headerLength, markerLength);
    }

    private static int HeaderLength(int markerLength) => 23 + markerLength;

    private static byte[] Checksum(ReadOnlySpan<byte> header, ReadOnlySpan<byte> payload)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(header);
        sha.AppendData(payload);
        return sha.GetHashAndReset();
    }
}
