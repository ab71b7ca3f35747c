using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Functional.NN.Tensors;
using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Experiments.Storage;

/// <summary>Tensors to and from <see cref="TensorDocument"/>: IEEE-754 bits, little-endian, base64.</summary>
internal static class TensorEncoding
{
    /// <summary>The document holding exactly the bits of <paramref name="tensor"/> (it refers to the tensor's numbers).</summary>
    public static TensorDocument Encode(Tensor tensor) => TensorDocument.OfValues(tensor.Rows, tensor.Columns, tensor.Memory);

    /// <summary>The IEEE-754 little-endian bytes of <paramref name="values"/>: the numbers' own memory on a little-endian machine.</summary>
    public static ReadOnlySpan<byte> LittleEndianBytes(ReadOnlySpan<double> values)
    {
        if (BitConverter.IsLittleEndian) return MemoryMarshal.AsBytes(values);
        var bytes = new byte[values.Length * sizeof(double)];
        for (var i = 0; i < values.Length; i++)
            BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(i * sizeof(double)), values[i]);
        return bytes;
    }

    /// <summary>The tensor in <paramref name="document"/>, or an error naming <paramref name="what"/> and the sizes.</summary>
    public static Fin<Tensor> Decode(TensorDocument document, string what)
    {
        if (document.Values is { } held && (long)document.Rows * document.Columns == held.Length && document.Rows >= 0)
            return Tensor.FromRowMajor(document.Rows, document.Columns, held.Span);
        if (document.Rows < 0 || document.Columns < 0)
            return Error.New($"{what}: shape [{document.Rows} x {document.Columns}] has a negative dimension");
        var expectedBytes = (long)document.Rows * document.Columns * sizeof(double);
        var bytes = new byte[document.Float64LittleEndian.Length * 3 / 4 + 3];
        if (!Convert.TryFromBase64String(document.Float64LittleEndian, bytes, out var written))
            return Error.New($"{what}: float64_little_endian is not valid base64");
        if (written != expectedBytes)
            return Error.New($"{what}: shape [{document.Rows} x {document.Columns}] needs {expectedBytes} bytes " +
                             $"({expectedBytes / sizeof(double)} numbers), the data holds {written}");
        var values = new double[written / sizeof(double)];
        for (var i = 0; i < values.Length; i++)
            values[i] = BinaryPrimitives.ReadDoubleLittleEndian(bytes.AsSpan(i * sizeof(double)));
        return Tensor.FromRowMajor(document.Rows, document.Columns, values);
    }
}
