using Functional.NN.Model;
using Functional.NN.Optimizers.Elementwise;

namespace Functional.NN.Optimizers;

public static partial class Transform
{
    /// <summary>
    /// Replaces every update by zero (optax <c>set_to_zero</c>): u = 0. Inside <see cref="Masked"/> it freezes the
    /// masked parameters: a following <see cref="ScaleByLearningRate"/> gives p ← p + (−η·0), which is p for every
    /// finite η (and NaN for an infinite one, as p − η·0 is). Stateless (<see cref="EmptyState"/>).
    /// </summary>
    public static GradientTransformation SetToZero() => new("set_to_zero", new ZeroUpdate());

    private sealed class ZeroUpdate : ElementwiseUpdate
    {
        public override OptimizerState Init<T>(Parameters<T> parameters) => EmptyState.Instance;

        public override ElementwiseStep<T> Begin<T>(OptimizerState state, Func<double> inputNorm, StepArrays arrays)
        {
            OptimizerState.Expect<EmptyState>(state, "set_to_zero", EmptyState.KindName);
            return new Step<T>();
        }

        private sealed class Step<T> : ElementwiseStep<T> where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
        {
            public override void Run(int tensor, int offset, Span<T> u, ReadOnlySpan<T> p, int width) => u.Clear();

            public override OptimizerState Finish() => EmptyState.Instance;
        }
    }
}
