using System.Runtime.CompilerServices;

namespace Functional.NN.Compute;

/// <summary>
/// Each thread's scratch for packed panels of <typeparamref name="T"/>: pinned, 64-byte aligned, grown when a larger
/// panel is needed and kept for the thread's next product (large fresh arrays every call would be garbage-collector
/// work). Its contents never leave one product and are always written before they are read.
/// </summary>
internal static unsafe class PackingBuffer<T> where T : unmanaged
{
    [ThreadStatic] private static T[]? _buffer;

    [ThreadStatic] private static T[]? _partials;

    /// <summary>This thread's scratch array for partial sums, at least <paramref name="length"/> long, valid until its next call.</summary>
    public static T[] PartialsForThisThread(int length)
    {
        var buffer = _partials;
        if (buffer is null || buffer.Length < length)
            _partials = buffer = GC.AllocateUninitializedArray<T>(length);
        return buffer;
    }

    /// <summary>At least <paramref name="length"/> numbers at a 64-byte boundary, valid until this thread's next call.</summary>
    public static T* ForThisThread(int length)
    {
        var slack = 64 / sizeof(T);
        var buffer = _buffer;
        if (buffer is null || buffer.Length < length + slack)
            _buffer = buffer = GC.AllocateUninitializedArray<T>(length + slack, pinned: true);
        var start = (nint)Unsafe.AsPointer(ref buffer[0]);
        return (T*)((start + 63) & ~(nint)63);
    }
}
