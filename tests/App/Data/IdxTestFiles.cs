using System.Buffers.Binary;
using System.IO.Compression;

namespace Functional.NN.Tests.App.Data;

/// <summary>Writes small IDX files (MNIST layout), plain or gzip-compressed, for the loader tests.</summary>
public static class IdxTestFiles
{
    /// <summary>The bytes of an IDX file: magic, big-endian dimensions, then the elements.</summary>
    public static byte[] Idx(int magic, int[] dimensions, byte[] elements)
    {
        var bytes = new byte[4 + 4 * dimensions.Length + elements.Length];
        BinaryPrimitives.WriteInt32BigEndian(bytes, magic);
        for (var i = 0; i < dimensions.Length; i++) BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 + 4 * i), dimensions[i]);
        elements.CopyTo(bytes, 4 + 4 * dimensions.Length);
        return bytes;
    }

    /// <summary>An image file of <paramref name="count"/> images of <paramref name="rows"/> x <paramref name="columns"/> pixels.</summary>
    public static byte[] Images(int count, int rows, int columns, Func<int, int, byte> pixel) =>
        Idx(0x00000803, [count, rows, columns],
            [.. Enumerable.Range(0, count * rows * columns).Select(i => pixel(i / (rows * columns), i % (rows * columns)))]);

    /// <summary>A label file holding <paramref name="labels"/>.</summary>
    public static byte[] Labels(params byte[] labels) => Idx(0x00000801, [labels.Length], labels);

    /// <summary><paramref name="bytes"/> gzip-compressed.</summary>
    public static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(bytes);
        return output.ToArray();
    }
}
