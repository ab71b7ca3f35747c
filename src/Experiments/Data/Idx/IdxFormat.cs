using System.Buffers.Binary;
using System.Collections.Immutable;
using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Experiments.Data.Idx;

/// <summary>
/// The IDX format of the MNIST files (LeCun et al.): a big-endian 32-bit magic number
/// <c>0x0000TTRR</c> (two zero bytes, element type TT, rank RR), then RR big-endian 32-bit dimensions,
/// then the elements in row-major order. Only unsigned bytes (type 0x08) are read: images have magic
/// <see cref="ImagesMagic"/> (rank 3: count x rows x columns) and labels <see cref="LabelsMagic"/>
/// (rank 1: count).
/// </summary>
internal static class IdxFormat
{
    /// <summary>Magic number of an image file: unsigned bytes, rank 3.</summary>
    public const int ImagesMagic = 0x00000803;

    /// <summary>Magic number of a label file: unsigned bytes, rank 1.</summary>
    public const int LabelsMagic = 0x00000801;

    /// <summary>The dimensions and element bytes of one IDX array.</summary>
    /// <param name="Dimensions">Size of each axis, each at least 1.</param>
    /// <param name="Elements">The elements in row-major order (exactly the product of the dimensions).</param>
    internal sealed record IdxArray(ImmutableArray<int> Dimensions, ReadOnlyMemory<byte> Elements);

    /// <summary>
    /// The array in <paramref name="content"/>, checked against <paramref name="expectedMagic"/>: an error
    /// names the source and gives expected and actual values for a wrong magic number, a truncated header,
    /// a dimension below 1, too few data bytes (truncated file) or bytes left over.
    /// </summary>
    public static Fin<IdxArray> Parse(IdxContent content, int expectedMagic, string what)
    {
        var bytes = content.Bytes;
        var source = content.Source;
        if (bytes.Length < 4)
            return Error.New($"{source}: truncated: the IDX magic number needs 4 bytes, the file has {bytes.Length}");
        var magic = BinaryPrimitives.ReadInt32BigEndian(bytes);
        if (magic != expectedMagic)
            return Error.New($"{source}: not an IDX {what} file: magic number 0x{magic:X8}, expected 0x{expectedMagic:X8}");
        var rank = expectedMagic & 0xFF;
        var headerLength = 4 + 4 * rank;
        if (bytes.Length < headerLength)
            return Error.New($"{source}: truncated header: rank {rank} needs {headerLength} header bytes, the file has {bytes.Length}");

        var dimensions = Enumerable.Range(0, rank)
            .Select(axis => BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(4 + 4 * axis, 4)))
            .ToImmutableArray();
        var bad = dimensions.Select((size, axis) => (size, axis)).Where(d => d.size < 1).ToList();
        if (bad.Count > 0)
            return Error.New($"{source}: {string.Join("; ", bad.Select(d => $"dimension {d.axis + 1} is {d.size}, must be at least 1"))}");

        var expected = dimensions.Aggregate(1L, (product, size) => product * size);
        var actual = (long)bytes.Length - headerLength;
        var shape = string.Join(" x ", dimensions);
        if (actual < expected)
            return Error.New($"{source}: truncated: {shape} needs {expected} data bytes after the {headerLength}-byte header " +
                             $"({headerLength + expected} bytes in all), the file has {actual} ({bytes.Length} in all)");
        if (actual > expected)
            return Error.New($"{source}: {actual - expected} unexpected bytes after the {expected} data bytes of {shape} " +
                             $"(expected {headerLength + expected} bytes in all, the file has {bytes.Length})");
        return new IdxArray(dimensions, bytes.AsMemory(headerLength));
    }
}
