using System.Collections.Immutable;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Functional.NN.Experiments.Storage;

/// <summary>
/// One tensor of a safetensors file: its name, its dtype as the format spells it (<c>F64</c>, <c>F32</c>, ...),
/// its shape, and its raw little-endian bytes in row-major (C) order.
/// </summary>
/// <param name="Name">The tensor's key in the header, e.g. <c>layers.0.weight</c>.</param>
/// <param name="DType">The dtype string of the header.</param>
/// <param name="Shape">The dimensions, outermost first; empty for a scalar.</param>
/// <param name="Bytes">Exactly <c>product(Shape) * size(DType)</c> bytes.</param>
internal sealed record SafetensorsTensor(string Name, string DType, ImmutableArray<long> Shape, ReadOnlyMemory<byte> Bytes)
{
    /// <summary>The dtype of IEEE-754 binary64 numbers.</summary>
    public const string Float64 = "F64";

    /// <summary>The dtype of IEEE-754 binary32 numbers.</summary>
    public const string Float32 = "F32";

    /// <summary>The dtype of <typeparamref name="T"/>'s numbers: <c>F32</c> for float, <c>F64</c> for double.</summary>
    public static string DTypeOf<T>() => ElementTypes.Of<T>() == ElementType.Float32 ? Float32 : Float64;

    /// <summary>Bytes per element of every dtype the safetensors format defines.</summary>
    public static ImmutableDictionary<string, int> ElementSizes { get; } = new Dictionary<string, int>
    {
        ["BOOL"] = 1, ["U8"] = 1, ["I8"] = 1, ["F8_E5M2"] = 1, ["F8_E4M3"] = 1,
        ["I16"] = 2, ["U16"] = 2, ["F16"] = 2, ["BF16"] = 2,
        ["I32"] = 4, ["U32"] = 4, ["F32"] = 4,
        ["I64"] = 8, ["U64"] = 8, ["F64"] = 8,
    }.ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>An <c>F64</c> tensor holding <paramref name="values"/> (row-major) in the shape <paramref name="shape"/>.</summary>
    /// <exception cref="ArgumentException">When the shape does not hold exactly as many numbers as given (a bug in the caller).</exception>
    public static SafetensorsTensor OfFloat64(string name, ImmutableArray<long> shape, ReadOnlySpan<double> values) => Of(name, shape, values);

    /// <summary>
    /// A tensor of <typeparamref name="T"/>'s dtype (<see cref="DTypeOf{T}"/>) holding <paramref name="values"/> (row-major) in the
    /// shape <paramref name="shape"/>.
    /// </summary>
    /// <exception cref="ArgumentException">When the shape does not hold exactly as many numbers as given (a bug in the caller).</exception>
    public static SafetensorsTensor Of<T>(string name, ImmutableArray<long> shape, ReadOnlySpan<T> values) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (ElementCount(shape) != values.Length)
            throw new ArgumentException($"{name}: shape [{string.Join(", ", shape)}] holds {ElementCount(shape)} numbers, {values.Length} given");
        return new SafetensorsTensor(name, DTypeOf<T>(), shape, TensorEncoding.LittleEndianBytes(values).ToArray());
    }

    /// <summary>The numbers of an <c>F64</c> tensor, bit for bit.</summary>
    /// <exception cref="InvalidOperationException">When the dtype is not F64 (check <see cref="DType"/> first).</exception>
    public double[] ToFloat64() => To<double>();

    /// <summary>The numbers of a tensor of <typeparamref name="T"/>'s dtype, bit for bit.</summary>
    /// <exception cref="InvalidOperationException">When the dtype is another (check <see cref="DType"/> first).</exception>
    public T[] To<T>() where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (DType != DTypeOf<T>()) throw new InvalidOperationException($"{Name} is {DType}, not {DTypeOf<T>()}");
        var bytes = Bytes.ToArray();
        var width = Unsafe.SizeOf<T>();
        if (!BitConverter.IsLittleEndian)
            for (var i = 0; i < bytes.Length; i += width) bytes.AsSpan(i, width).Reverse();
        return MemoryMarshal.Cast<byte, T>(bytes).ToArray();
    }

    /// <summary>The shape as text: <c>[256, 784]</c>.</summary>
    public string ShapeText => ShapeOf(Shape);

    /// <summary>A shape as text: <c>[256, 784]</c>.</summary>
    public static string ShapeOf(IEnumerable<long> shape) => $"[{string.Join(", ", shape)}]";

    /// <summary>The number of elements of a shape (1 for a scalar), or -1 when it exceeds <see cref="long.MaxValue"/>.</summary>
    public static long ElementCount(IEnumerable<long> shape)
    {
        long count = 1;
        foreach (var dimension in shape)
        {
            if (dimension != 0 && count > long.MaxValue / dimension) return -1;
            count *= dimension;
        }
        return count;
    }
}

/// <summary>What a safetensors file holds: its tensors in the order of their data, and its <c>__metadata__</c> (string to string).</summary>
/// <param name="Tensors">The tensors, ordered by their offset in the data section.</param>
/// <param name="Metadata">The <c>__metadata__</c> entries; empty when the header has none.</param>
internal sealed record SafetensorsContents(ImmutableArray<SafetensorsTensor> Tensors, ImmutableSortedDictionary<string, string> Metadata);
