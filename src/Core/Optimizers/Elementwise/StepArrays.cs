using System.Numerics;

namespace Functional.NN.Optimizers.Elementwise;

/// <summary>
/// Where a step's new parameter and moment arrays come from. <see cref="Fresh"/>: new arrays every step, so every
/// state a step returns stays valid forever (what every public entry point uses). <see cref="Recycling"/>: for a
/// training loop that keeps only its latest state and hands no intermediate one out, a step may write into the
/// arrays of the state two steps back (JAX's buffer donation); the loop then reads and writes the same memory every
/// step, still in cache, instead of new memory the allocator hands out cold.
/// </summary>
internal abstract class StepArrays
{
    /// <summary>New arrays every time.</summary>
    public static StepArrays Fresh { get; } = new FreshArrays();

    /// <summary>A recycler for one training loop (never shared between loops or handed out).</summary>
    public static StepArrays Recycling() => new RecycledArrays();

    /// <summary>An array of <paramref name="length"/> elements of type <typeparamref name="T"/>, every one of which the caller writes before reading.</summary>
    public abstract T[] Take<T>(int length) where T : unmanaged, IFloatingPointIeee754<T>;

    /// <summary>An array of <paramref name="length"/> doubles: <see cref="Take{T}"/> of <see cref="double"/>.</summary>
    public double[] Take(int length) => Take<double>(length);

    /// <summary>
    /// Called by the loop when a step has finished: the state returned two steps ago is no longer held by anyone,
    /// so the arrays taken for it may be handed out again.
    /// </summary>
    public abstract void StepEnded();

    private sealed class FreshArrays : StepArrays
    {
        public override T[] Take<T>(int length) => GC.AllocateUninitializedArray<T>(length);

        public override void StepEnded() { }
    }

    /// <summary>Arrays kept by element type and length: an array of floats is never handed out as doubles.</summary>
    private sealed class RecycledArrays : StepArrays
    {
        private readonly Dictionary<(Type Element, int Length), Stack<Array>> _free = [];
        private readonly Lock _gate = new();
        private List<Array> _current = [], _previous = [];

        public override T[] Take<T>(int length)
        {
            lock (_gate)
            {
                var array = _free.TryGetValue((typeof(T), length), out var stack) && stack.Count > 0
                    ? (T[])stack.Pop()
                    : GC.AllocateUninitializedArray<T>(length);
                _current.Add(array);
                return array;
            }
        }

        public override void StepEnded()
        {
            lock (_gate)
            {
                foreach (var array in _previous)
                {
                    var key = (array.GetType().GetElementType()!, array.Length);
                    if (!_free.TryGetValue(key, out var stack)) _free[key] = stack = new Stack<Array>();
                    stack.Push(array);
                }
                _previous.Clear();
                (_previous, _current) = (_current, _previous);
            }
        }
    }
}
