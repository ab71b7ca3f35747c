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

    /// <summary>An array of <paramref name="length"/> elements, every one of which the caller writes before reading.</summary>
    public abstract double[] Take(int length);

    /// <summary>
    /// Called by the loop when a step has finished: the state returned two steps ago is no longer held by anyone,
    /// so the arrays taken for it may be handed out again.
    /// </summary>
    public abstract void StepEnded();

    private sealed class FreshArrays : StepArrays
    {
        public override double[] Take(int length) => GC.AllocateUninitializedArray<double>(length);

        public override void StepEnded() { }
    }

    private sealed class RecycledArrays : StepArrays
    {
        private readonly Dictionary<int, Stack<double[]>> _free = [];
        private readonly Lock _gate = new();
        private List<double[]> _current = [], _previous = [];

        public override double[] Take(int length)
        {
            lock (_gate)
            {
                var array = _free.TryGetValue(length, out var stack) && stack.Count > 0
                    ? stack.Pop()
                    : GC.AllocateUninitializedArray<double>(length);
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
                    if (!_free.TryGetValue(array.Length, out var stack)) _free[array.Length] = stack = new Stack<double[]>();
                    stack.Push(array);
                }
                _previous.Clear();
                (_previous, _current) = (_current, _previous);
            }
        }
    }
}
