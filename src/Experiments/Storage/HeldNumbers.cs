using System.Numerics;

namespace Functional.NN.Experiments.Storage;

/// <summary>
/// A tensor's numbers kept by a <see cref="TensorDocument"/> made from the tensor, of either element type, so that saving
/// writes their bytes without building text (<see cref="TensorDocumentWriter"/>).
/// </summary>
internal abstract class HeldNumbers
{
    /// <summary>float32 or float64.</summary>
    public abstract ElementType ElementType { get; }

    /// <summary>How many numbers are held.</summary>
    public abstract int Length { get; }

    /// <summary>Their IEEE-754 little-endian bytes, 4 or 8 per number.</summary>
    public abstract ReadOnlySpan<byte> LittleEndianBytes();
}

/// <summary>Numbers of type <typeparamref name="T"/> held by a <see cref="TensorDocument"/>.</summary>
/// <param name="values">The numbers, row-major; not copied.</param>
internal sealed class HeldNumbers<T>(ReadOnlyMemory<T> values) : HeldNumbers where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The numbers, row-major.</summary>
    public ReadOnlyMemory<T> Values { get; } = values;

    /// <inheritdoc />
    public override ElementType ElementType { get; } = ElementTypes.Of<T>();

    /// <inheritdoc />
    public override int Length => Values.Length;

    /// <inheritdoc />
    public override ReadOnlySpan<byte> LittleEndianBytes() => TensorEncoding.LittleEndianBytes(Values.Span);
}
