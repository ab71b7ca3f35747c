using System.Runtime.CompilerServices;

namespace Functional.NN.Compute;

/// <summary>
/// Each thread's scratch for packed panels: pinned, 64-byte aligned, grown when a larger panel is needed and
/// kept for the thread's next product (large fresh arrays every call would be garbage-collector work). Its
/// contents never leave one product and are always written before they are read.
/// </summary>
internal static unsafe class PackingBuffer
{
    [ThreadStatic] private static double[]? _buffer;

    [ThreadStatic] private static double[]? _partials;

    /// <summary>This thread's scratch array for partial sums, at least <paramref name="length"/> long, valid until its next call.</summary>
    public static double[] PartialsForThisThread(int length)
    {
        var buffer = _partials;
        if (buffer is null || buffer.Length < length)
            _partials = buffer = GC.AllocateUninitializedArray<double>(length);
        return buffer;
    }

    /// <summary>At least <paramref name="length"/> doubles at a 64-byte boundary, valid until this thread's next call.</summary>
    public static double* ForThisThread(int length)
    {
        var buffer = _buffer;
        if (buffer is null || buffer.Length < length + 8)
            _buffer = buffer = GC.AllocateUninitializedArray<double>(length + 8, pinned: true);
        var start = (nint)Unsafe.AsPointer(ref buffer[0]);
        return (double*)((start + 63) & ~(nint)63);
    }
}
