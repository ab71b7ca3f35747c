using System.Numerics;
using System.Runtime.InteropServices;

namespace Functional.NN.Data;

/// <summary>
/// Numbers of a data set, defined as doubles, written in the element type <typeparamref name="T"/> of a batch: each
/// double rounded once to the nearest <typeparamref name="T"/> (ties to even), the conversion <c>(float)x</c> of C#
/// for a float. For doubles this is a copy, so the double bits of every row are those computed before.
/// </summary>
/// <typeparam name="T">The element type written.</typeparam>
internal static class Rounding<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary><paramref name="value"/> rounded to <typeparamref name="T"/>.</summary>
    public static T Of(double value) => T.CreateTruncating(value);

    /// <summary>Whether <paramref name="value"/> is a finite number once rounded to <typeparamref name="T"/> (beyond ±3.4e38 a float is infinite).</summary>
    public static bool IsFinite(double value) => T.IsFinite(Of(value));

    /// <summary>
    /// Each of <paramref name="source"/> rounded to <typeparamref name="T"/>, into the start of
    /// <paramref name="destination"/>. Floats go a vector at a time: narrowing is correctly rounded at every width,
    /// so the vector and scalar parts give the bits of <see cref="Of"/>.
    /// </summary>
    public static void Copy(ReadOnlySpan<double> source, Span<T> destination)
    {
        if (typeof(T) == typeof(double))
        {
            source.CopyTo(MemoryMarshal.Cast<T, double>(destination));
            return;
        }
        var end = 0;
        if (typeof(T) == typeof(float) && Vector.IsHardwareAccelerated)
        {
            var floats = MemoryMarshal.Cast<T, float>(destination);
            var width = Vector<float>.Count;
            end = source.Length - source.Length % width;
            for (var i = 0; i < end; i += width)
                Vector.Narrow(new Vector<double>(source[i..]), new Vector<double>(source[(i + width / 2)..])).CopyTo(floats[i..]);
        }
        for (var i = end; i < source.Length; i++) destination[i] = Of(source[i]);
    }
}
