namespace Functional.NN.Compute;

/// <summary>
/// The vector width the managed kernels run at. It changes speed only: every width performs the same
/// operations on every element, in the same order, so the bits are the same at every width.
/// </summary>
internal enum KernelWidth
{
    /// <summary>Plain doubles with <see cref="Math.FusedMultiplyAdd"/>.</summary>
    Scalar,

    /// <summary>256-bit vectors (AVX2 with FMA).</summary>
    Vector256,

    /// <summary>512-bit vectors (AVX-512).</summary>
    Vector512,
}

/// <summary>The widths this processor runs.</summary>
internal static class KernelWidths
{
    /// <summary>The widest width this processor accelerates.</summary>
    public static KernelWidth Best { get; } =
        System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated ? KernelWidth.Vector512
        : System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated && System.Runtime.Intrinsics.X86.Fma.IsSupported ? KernelWidth.Vector256
        : KernelWidth.Scalar;

    /// <summary>Whether this processor runs <paramref name="width"/> (scalar always).</summary>
    public static bool Runs(KernelWidth width) => width <= Best;

    /// <summary>A short name for reports.</summary>
    public static string Name(KernelWidth width) => width switch
    {
        KernelWidth.Vector512 => "AVX-512",
        KernelWidth.Vector256 => "AVX2",
        _ => "scalar",
    };
}
