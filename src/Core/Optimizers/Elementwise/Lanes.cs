using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Functional.NN.Optimizers.Elementwise;

/// <summary>
/// A group of doubles handled together: one (<see cref="Scalar"/>), four (<see cref="Lanes256"/>) or eight
/// (<see cref="Lanes512"/>). An element-wise update is written once, generic over the lanes, so every vector width
/// and the scalar tail run the very same operations on every element (add, subtract, multiply, divide and square
/// root, each correctly rounded; no fused multiply-add), and give the same bits.
/// </summary>
/// <typeparam name="TSelf">The lanes type itself.</typeparam>
internal interface ILanes<TSelf> where TSelf : struct, ILanes<TSelf>
{
    /// <summary>Doubles per group.</summary>
    static abstract int Count { get; }

    /// <summary>Every lane set to <paramref name="value"/>.</summary>
    static abstract TSelf Of(double value);

    /// <summary>The group starting at <paramref name="index"/>.</summary>
    static abstract TSelf Load(ReadOnlySpan<double> source, int index);

    /// <summary>Writes the group at <paramref name="index"/>.</summary>
    void Store(Span<double> destination, int index);

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

/// <summary>One double.</summary>
internal readonly struct Scalar(double value) : ILanes<Scalar>
{
    private readonly double _value = value;

    /// <inheritdoc />
    public static int Count => 1;

    /// <inheritdoc />
    public static Scalar Of(double value) => new(value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Scalar Load(ReadOnlySpan<double> source, int index) => new(source[index]);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store(Span<double> destination, int index) => destination[index] = _value;

    /// <inheritdoc />
    public static Scalar operator +(Scalar a, Scalar b) => new(a._value + b._value);

    /// <inheritdoc />
    public static Scalar operator -(Scalar a, Scalar b) => new(a._value - b._value);

    /// <inheritdoc />
    public static Scalar operator *(Scalar a, Scalar b) => new(a._value * b._value);

    /// <inheritdoc />
    public static Scalar operator /(Scalar a, Scalar b) => new(a._value / b._value);

    /// <inheritdoc />
    public static Scalar Sqrt(Scalar a) => new(Math.Sqrt(a._value));
}

/// <summary>Four doubles in a 256-bit vector.</summary>
internal readonly struct Lanes256(Vector256<double> value) : ILanes<Lanes256>
{
    private readonly Vector256<double> _value = value;

    /// <inheritdoc />
    public static int Count => Vector256<double>.Count;

    /// <inheritdoc />
    public static Lanes256 Of(double value) => new(Vector256.Create(value));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 Load(ReadOnlySpan<double> source, int index) =>
        new(Vector256.Create(source.Slice(index, Vector256<double>.Count)));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store(Span<double> destination, int index) =>
        _value.CopyTo(destination.Slice(index, Vector256<double>.Count));

    /// <inheritdoc />
    public static Lanes256 operator +(Lanes256 a, Lanes256 b) => new(a._value + b._value);

    /// <inheritdoc />
    public static Lanes256 operator -(Lanes256 a, Lanes256 b) => new(a._value - b._value);

    /// <inheritdoc />
    public static Lanes256 operator *(Lanes256 a, Lanes256 b) => new(a._value * b._value);

    /// <inheritdoc />
    public static Lanes256 operator /(Lanes256 a, Lanes256 b) => new(a._value / b._value);

    /// <inheritdoc />
    public static Lanes256 Sqrt(Lanes256 a) => new(Vector256.Sqrt(a._value));
}

/// <summary>Eight doubles in a 512-bit vector.</summary>
internal readonly struct Lanes512(Vector512<double> value) : ILanes<Lanes512>
{
    private readonly Vector512<double> _value = value;

    /// <inheritdoc />
    public static int Count => Vector512<double>.Count;

    /// <inheritdoc />
    public static Lanes512 Of(double value) => new(Vector512.Create(value));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 Load(ReadOnlySpan<double> source, int index) =>
        new(Vector512.Create(source.Slice(index, Vector512<double>.Count)));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store(Span<double> destination, int index) =>
        _value.CopyTo(destination.Slice(index, Vector512<double>.Count));

    /// <inheritdoc />
    public static Lanes512 operator +(Lanes512 a, Lanes512 b) => new(a._value + b._value);

    /// <inheritdoc />
    public static Lanes512 operator -(Lanes512 a, Lanes512 b) => new(a._value - b._value);

    /// <inheritdoc />
    public static Lanes512 operator *(Lanes512 a, Lanes512 b) => new(a._value * b._value);

    /// <inheritdoc />
    public static Lanes512 operator /(Lanes512 a, Lanes512 b) => new(a._value / b._value);

    /// <inheritdoc />
    public static Lanes512 Sqrt(Lanes512 a) => new(Vector512.Sqrt(a._value));
}
