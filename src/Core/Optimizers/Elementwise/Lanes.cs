using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Functional.NN.Optimizers.Elementwise;

/// <summary>
/// A group of elements of type <typeparamref name="T"/> handled together: one (<see cref="Scalar{T}"/>), a 256-bit
/// vector (<see cref="Lanes256{T}"/>: 4 doubles or 8 floats) or a 512-bit vector (<see cref="Lanes512{T}"/>: 8 doubles
/// or 16 floats). An element-wise update is written once, generic over the lanes and the element type, so every
/// vector width and the scalar tail run the very same operations on every element (add, subtract, multiply, divide
/// and square root, each correctly rounded in <typeparamref name="T"/>; no fused multiply-add), and give the same bits.
/// </summary>
/// <typeparam name="TSelf">The lanes type itself.</typeparam>
/// <typeparam name="T">The element type, <see cref="double"/> or <see cref="float"/>.</typeparam>
internal interface ILanes<TSelf, T> where TSelf : struct, ILanes<TSelf, T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Elements per group.</summary>
    static abstract int Count { get; }

    /// <summary>Every lane set to <paramref name="value"/>.</summary>
    static abstract TSelf Of(T value);

    /// <summary>The group starting at <paramref name="index"/>.</summary>
    static abstract TSelf Load(ReadOnlySpan<T> source, int index);

    /// <summary>Writes the group at <paramref name="index"/>.</summary>
    void Store(Span<T> destination, int index);

    /// <summary>Lane-wise sum.</summary>
    static abstract TSelf operator +(TSelf a, TSelf b);

    /// <summary>Lane-wise difference.</summary>
    static abstract TSelf operator -(TSelf a, TSelf b);

    /// <summary>Lane-wise product.</summary>
    static abstract TSelf operator *(TSelf a, TSelf b);

    /// <summary>Lane-wise quotient.</summary>
    static abstract TSelf operator /(TSelf a, TSelf b);

    /// <summary>Lane-wise correctly rounded square root.</summary>
    static abstract TSelf Sqrt(TSelf a);
}

/// <summary>One element.</summary>
internal readonly struct Scalar<T>(T value) : ILanes<Scalar<T>, T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T _value = value;

    /// <inheritdoc />
    public static int Count => 1;

    /// <inheritdoc />
    public static Scalar<T> Of(T value) => new(value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Scalar<T> Load(ReadOnlySpan<T> source, int index) => new(source[index]);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store(Span<T> destination, int index) => destination[index] = _value;

    /// <inheritdoc />
    public static Scalar<T> operator +(Scalar<T> a, Scalar<T> b) => new(a._value + b._value);

    /// <inheritdoc />
    public static Scalar<T> operator -(Scalar<T> a, Scalar<T> b) => new(a._value - b._value);

    /// <inheritdoc />
    public static Scalar<T> operator *(Scalar<T> a, Scalar<T> b) => new(a._value * b._value);

    /// <inheritdoc />
    public static Scalar<T> operator /(Scalar<T> a, Scalar<T> b) => new(a._value / b._value);

    /// <inheritdoc />
    public static Scalar<T> Sqrt(Scalar<T> a) => new(T.Sqrt(a._value));
}

/// <summary>A 256-bit vector: 4 doubles or 8 floats.</summary>
internal readonly struct Lanes256<T>(Vector256<T> value) : ILanes<Lanes256<T>, T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Vector256<T> _value = value;

    /// <inheritdoc />
    public static int Count => Vector256<T>.Count;

    /// <inheritdoc />
    public static Lanes256<T> Of(T value) => new(Vector256.Create(value));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256<T> Load(ReadOnlySpan<T> source, int index) =>
        new(Vector256.Create(source.Slice(index, Vector256<T>.Count)));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store(Span<T> destination, int index) =>
        _value.CopyTo(destination.Slice(index, Vector256<T>.Count));

    /// <inheritdoc />
    public static Lanes256<T> operator +(Lanes256<T> a, Lanes256<T> b) => new(a._value + b._value);

    /// <inheritdoc />
    public static Lanes256<T> operator -(Lanes256<T> a, Lanes256<T> b) => new(a._value - b._value);

    /// <inheritdoc />
    public static Lanes256<T> operator *(Lanes256<T> a, Lanes256<T> b) => new(a._value * b._value);

    /// <inheritdoc />
    public static Lanes256<T> operator /(Lanes256<T> a, Lanes256<T> b) => new(a._value / b._value);

    /// <inheritdoc />
    public static Lanes256<T> Sqrt(Lanes256<T> a) => new(Vector256.Sqrt(a._value));
}

/// <summary>A 512-bit vector: 8 doubles or 16 floats.</summary>
internal readonly struct Lanes512<T>(Vector512<T> value) : ILanes<Lanes512<T>, T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Vector512<T> _value = value;

    /// <inheritdoc />
    public static int Count => Vector512<T>.Count;

    /// <inheritdoc />
    public static Lanes512<T> Of(T value) => new(Vector512.Create(value));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512<T> Load(ReadOnlySpan<T> source, int index) =>
        new(Vector512.Create(source.Slice(index, Vector512<T>.Count)));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store(Span<T> destination, int index) =>
        _value.CopyTo(destination.Slice(index, Vector512<T>.Count));

    /// <inheritdoc />
    public static Lanes512<T> operator +(Lanes512<T> a, Lanes512<T> b) => new(a._value + b._value);

    /// <inheritdoc />
    public static Lanes512<T> operator -(Lanes512<T> a, Lanes512<T> b) => new(a._value - b._value);

    /// <inheritdoc />
    public static Lanes512<T> operator *(Lanes512<T> a, Lanes512<T> b) => new(a._value * b._value);

    /// <inheritdoc />
    public static Lanes512<T> operator /(Lanes512<T> a, Lanes512<T> b) => new(a._value / b._value);

    /// <inheritdoc />
    public static Lanes512<T> Sqrt(Lanes512<T> a) => new(Vector512.Sqrt(a._value));
}
