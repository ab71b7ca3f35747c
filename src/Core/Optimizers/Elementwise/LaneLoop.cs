using System.Runtime.Intrinsics;

namespace Functional.NN.Optimizers.Elementwise;

/// <summary>The body of an element-wise loop: what happens to the group of elements starting at one index.</summary>
internal interface ILaneBody
{
    /// <summary>Updates the <typeparamref name="TLanes"/>.Count elements from <paramref name="index"/> on.</summary>
    void At<TLanes>(int index) where TLanes : struct, ILanes<TLanes>;
}

/// <summary>
/// Runs a loop body over a range in the widest groups the machine has, then narrower ones, then one element at a
/// time. The body is the same generic code at every width, so the split changes the speed, never the bits.
/// </summary>
internal static class LaneLoop
{
    /// <summary>The widest group this machine computes in hardware: 8, 4 or 1 doubles.</summary>
    // Stryker disable once Conditional : every width gives the same bits (the body is the same IEEE arithmetic per lane); the width only changes the speed
    public static int Widest { get; } =
        Vector512.IsHardwareAccelerated ? 8 : Vector256.IsHardwareAccelerated ? 4 : 1;

    /// <summary>Runs <paramref name="body"/> on elements 0..<paramref name="length"/>-1 in groups of at most <paramref name="width"/> (8, 4 or 1).</summary>
    public static void Run<TBody>(scoped ref TBody body, int length, int width) where TBody : ILaneBody, allows ref struct
    {
        var i = 0;
        // Stryker disable Equality,Boolean : which width takes which elements only changes the speed, never the bits (the class summary; bits-check with AVX-512 and AVX2 off)
        if (width >= 8)
            for (; i + 8 <= length; i += 8) body.At<Lanes512>(i);
        if (width >= 4)
            for (; i + 4 <= length; i += 4) body.At<Lanes256>(i);
        // Stryker restore Equality,Boolean
        for (; i < length; i++) body.At<Scalar>(i);
    }
}
