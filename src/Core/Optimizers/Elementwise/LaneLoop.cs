using System.Numerics;
using System.Runtime.Intrinsics;

namespace Functional.NN.Optimizers.Elementwise;

/// <summary>The body of an element-wise loop over elements of type <typeparamref name="T"/>: what happens to the group of elements starting at one index.</summary>
internal interface ILaneBody<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Updates the <typeparamref name="TLanes"/>.Count elements from <paramref name="index"/> on.</summary>
    void At<TLanes>(int index) where TLanes : struct, ILanes<TLanes, T>;
}

/// <summary>
/// Runs a loop body over a range in the widest groups the machine has, then narrower ones, then one element at a
/// time. The body is the same generic code at every width, so the split changes the speed, never the bits.
/// </summary>
/// <typeparam name="T">The element type, <see cref="double"/> or <see cref="float"/>.</typeparam>
internal static class LaneLoop<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>
    /// The widest group this machine computes in hardware, in elements: a 512-bit vector (8 doubles, 16 floats), a
    /// 256-bit one (4 doubles, 8 floats) or 1.
    /// </summary>
    // Stryker disable once Conditional : every width gives the same bits (the body is the same IEEE arithmetic per lane); the width only changes the speed
    public static int Widest { get; } =
        Vector512.IsHardwareAccelerated && Vector512<T>.IsSupported ? Vector512<T>.Count
        : Vector256.IsHardwareAccelerated && Vector256<T>.IsSupported ? Vector256<T>.Count
        : 1;

    /// <summary>
    /// Runs <paramref name="body"/> on elements 0..<paramref name="length"/>-1 in groups of at most
    /// <paramref name="width"/> elements (a 512-bit group when it fits in the width, then 256-bit ones, then single elements).
    /// </summary>
    public static void Run<TBody>(scoped ref TBody body, int length, int width) where TBody : ILaneBody<T>, allows ref struct
    {
        var i = 0;
        // Stryker disable Equality,Boolean : which width takes which elements only changes the speed, never the bits (the class summary; bits-check with AVX-512 and AVX2 off)
        if (width >= Vector512<T>.Count)
            for (; i + Vector512<T>.Count <= length; i += Vector512<T>.Count) body.At<Lanes512<T>>(i);
        if (width >= Vector256<T>.Count)
            for (; i + Vector256<T>.Count <= length; i += Vector256<T>.Count) body.At<Lanes256<T>>(i);
        // Stryker restore Equality,Boolean
        for (; i < length; i++) body.At<Scalar<T>>(i);
    }
}
