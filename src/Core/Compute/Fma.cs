using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Functional.NN.Compute;

/// <summary>
/// Fused multiply-add, x·y + z rounded once, on vectors of doubles or floats, for kernels written once for both
/// element types (the runtime has no generic overload; the type test is resolved when the JIT specialises the caller).
/// </summary>
internal static class Fma
{
    /// <summary>x·y + z per element, one rounding.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Of<T>(Vector512<T> x, Vector512<T> y, Vector512<T> z)
    {
        if (typeof(T) == typeof(double))
            return Vector512.FusedMultiplyAdd(x.As<T, double>(), y.As<T, double>(), z.As<T, double>()).As<double, T>();
        if (typeof(T) == typeof(float))
            return Vector512.FusedMultiplyAdd(x.As<T, float>(), y.As<T, float>(), z.As<T, float>()).As<float, T>();
        throw new NotSupportedException($"fused multiply-add of {typeof(T).Name}");
    }

    /// <summary>x·y + z per element, one rounding.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Of<T>(Vector256<T> x, Vector256<T> y, Vector256<T> z)
    {
        if (typeof(T) == typeof(double))
            return Vector256.FusedMultiplyAdd(x.As<T, double>(), y.As<T, double>(), z.As<T, double>()).As<double, T>();
        if (typeof(T) == typeof(float))
            return Vector256.FusedMultiplyAdd(x.As<T, float>(), y.As<T, float>(), z.As<T, float>()).As<float, T>();
        throw new NotSupportedException($"fused multiply-add of {typeof(T).Name}");
    }
}
