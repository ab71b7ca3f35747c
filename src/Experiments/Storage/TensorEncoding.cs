using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Functional.NN.Tensors;
using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Experiments.Storage;

/// <summary>
/// Tensors to and from <see cref="TensorDocument"/>: IEEE-754 bits, little-endian, base64; doubles in
/// <c>float64_little_endian</c>, floats in <c>float32_little_endian</c>.
/// </summary>
internal static class TensorEncoding
{
    /// <summary>The document holding exactly the bits of <paramref name="tensor"/> (it refers to the tensor's numbers).</summary>
    public static TensorDocument Encode<T>(Tensor<T> tensor) where T : unmanaged, IFloatingPointIeee754<T> =>
        TensorDocument.OfValues(tensor.Rows, tensor.Columns, tensor.Memory);

    /// <summary>The IEEE-754 little-endian bytes of <paramref name="values"/>: the numbers' own memory on a little-endian machine.</summary>
    public static ReadOnlySpan<byte> LittleEndianBytes<T>(ReadOnlySpan<T> values) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var own = MemoryMarshal.AsBytes(values);
        if (BitConverter.IsLittleEndian) return own;
        var bytes = own.ToArray();
        var width = bytes.Length / Math.Max(1, values.Length);
        for (var i = 0; i < bytes.Length; i += width) bytes.AsSpan(i, width).Reverse();
        return bytes;
    }

    /// <summary>The name of the JSON property that holds numbers of type <typeparamref name="T"/>.</summary>
    public static string DataKey<T>() => ElementTypes.Of<T>() == ElementType.Float32 ? "float32_little_endian" : "float64_little_endian";

    /// <summary>
    /// The tensor of <typeparamref name="T"/> in <paramref name="document"/>, or an error naming <paramref name="what"/> and the
    /// sizes, or the other element type's data when the document holds that instead.
    /// </summary>
    public static Fin<Tensor<T>> Decode<T>(TensorDocument document, string what) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (document.Values is HeldNumbers<T> held && (long)document.Rows * document.Columns == held.Length && document.Rows >= 0)
            return Tensor<T>.FromRowMajor(document.Rows, document.Columns, held.Values.Span);
        if (document.Rows < 0 || document.Columns < 0)
            return Error.New($"{what}: shape [{document.Rows} x {document.Columns}] has a negative dimension");
        var width = Unsafe.SizeOf<T>();
        var (text, other) = width == sizeof(float)
            ? (document.Float32LittleEndian, document.Float64LittleEndian)
            : (document.Float64LittleEndian, document.Float32LittleEndian);
        var key = DataKey<T>();
        var otherKey = width == sizeof(float) ? "float64_little_endian" : "float32_little_endian";
        if (other is not null)
            return Error.New(text is null
                ? $"{what}: holds {otherKey}, expected {key} (the file's dtype is {ElementTypes.Of<T>().Name()})"
                : $"{what}: holds both {key} and {otherKey}");
        if (text is null) return Error.New($"{what}: {key} is missing");
        var expectedBytes = (long)document.Rows * document.Columns * width;
        var bytes = new byte[text.Length * 3 / 4 + 3];
        if (!Convert.TryFromBase64String(text, bytes, out var written))
            return Error.New($"{what}: {key} is not valid base64");
        if (written != expectedBytes)
            return Error.New($"{what}: shape [{document.Rows} x {document.Columns}] needs {expectedBytes} bytes " +
                             $"({expectedBytes / width} numbers), the data holds {written}");
        if (!BitConverter.IsLittleEndian)
            for (var i = 0; i < written; i += width) bytes.AsSpan(i, width).Reverse();
        return Tensor<T>.FromRowMajor(document.Rows, document.Columns, MemoryMarshal.Cast<byte, T>(bytes.AsSpan(0, written)));
    }
}
