using Functional.NN.Optimizers.Elementwise;

namespace Functional.NN.Optimizers;

public static partial class Transform
{
    /// <summary>
    /// Replaces every update by zero (optax <c>set_to_zero</c>): u = 0. Inside <see cref="Masked"/> it freezes the
    /// masked parameters: a following <see cref="ScaleByLearningRate"/> gives p ← p + (−η·0), which is p for every
    /// finite η (and NaN for an infinite one, as p − η·0 is). Stateless (<see cref="EmptyState"/>).
    /// </summary>
    public static GradientTransformation SetToZero() =>
        new("set_to_zero", _ => EmptyState.Instance, new ZeroUpdate());

    private sealed class ZeroUpdate : ElementwiseUpdate
    {
        public override ElementwiseStep Begin(OptimizerState state, Func<double> inputNorm, StepArrays arrays)
        {
            OptimizerState.Expect<EmptyState>(state, "set_to_zero", EmptyState.KindName);
            return new Step();
        }

        private sealed class Step : ElementwiseStep
        {
            public override void Run(int tensor, int offset, Span<double> u, ReadOnlySpan<double> p, int width) => u.Clear();

            public override OptimizerState Finish() => EmptyState.Instance;
        }
    }
}
