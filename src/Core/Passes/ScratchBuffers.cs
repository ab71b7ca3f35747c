using System.Numerics;
using System.Buffers;

namespace Functional.NN.Passes;

/// <summary>
/// Buffers rented from the shared array pool for one step and returned when it ends, so that the trace, the
/// deltas and the gradients of a training step reuse memory from step to step. They are longer than asked for and
/// hold stale values: every use slices them to its length and writes before it reads. Nothing rented escapes the step.
/// </summary>
internal sealed class ScratchBuffers<T> : IDisposable where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly List<T[]> _rented = new(16);

    /// <summary>A buffer of at least <paramref name="length"/> elements, until <see cref="Dispose"/>.</summary>
    public T[] Rent(int length)
    {
        var buffer = ArrayPool<T>.Shared.Rent(length);
        _rented.Add(buffer);
        return buffer;
    }

    /// <summary>Returns every buffer to the pool, once: a second call returns nothing.</summary>
    public void Dispose()
    {
        foreach (var buffer in _rented) ArrayPool<T>.Shared.Return(buffer);
        _rented.Clear();
    }
}
