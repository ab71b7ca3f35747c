using System.Numerics;
using System.Runtime.Intrinsics;

namespace Functional.NN.Compute;

/// <summary>
/// Where an element-wise loop over a span stops going a vector at a time: the elements before the end go in vectors,
/// the rest one by one. The end only changes speed, never a result: the loops that use it apply the same formula to
/// every element either way. A loop that starts its vector part at 0 and its scalar part at this end (not where
/// the other stopped) gives a wrong answer, not a slower one, if either part skips its elements.
/// </summary>
internal static class VectorEnds
{
    /// <summary>The end for <see cref="Vector512{T}"/> of doubles (eight at a time), or 0 where it is not accelerated.</summary>
    public static int Vector512Doubles(int length) => Vector512.IsHardwareAccelerated ? length - length % 8 : 0;

    /// <summary>The end for <see cref="Vector{T}"/> of doubles, or 0 where it is not accelerated.</summary>
    public static int VectorDoubles(int length) =>
        Vector.IsHardwareAccelerated ? length - length % Vector<double>.Count : 0;

    /// <summary>The end for <see cref="Vector{T}"/> of <typeparamref name="T"/>, or 0 where it is not accelerated.</summary>
    public static int VectorOf<T>(int length) =>
        Vector.IsHardwareAccelerated ? length - length % Vector<T>.Count : 0;
}
