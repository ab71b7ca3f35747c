using Functional.NN.Model;
using Functional.NN.Optimizers.Elementwise;

namespace Functional.NN.Optimizers;

public static partial class Transform
{
    /// <summary>
    /// The identity: u = g, with an <see cref="EmptyState"/> (optax <c>identity</c>). The neutral element of
    /// <see cref="Chain"/>.
    /// </summary>
    public static GradientTransformation Identity() => new(
        "identity",
        _ => EmptyState.Instance,
        (gradients, state, _) =>
        {
            OptimizerState.Expect<EmptyState>(state, "identity", EmptyState.KindName);
            return (gradients, state);
        },
        new IdentityUpdate());

    private sealed class IdentityUpdate : ElementwiseUpdate
    {
        public override OptimizerState Init<T>(Parameters<T> parameters) => EmptyState.Instance;

        public override ElementwiseStep<T> Begin<T>(OptimizerState state, Func<double> inputNorm, StepArrays arrays)
        {
            OptimizerState.Expect<EmptyState>(state, "identity", EmptyState.KindName);
            return new Step<T>();
        }

        private sealed class Step<T> : ElementwiseStep<T> where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
        {
            public override void Run(int tensor, int offset, Span<T> u, ReadOnlySpan<T> p, int width) { }

            public override OptimizerState Finish() => EmptyState.Instance;
        }
    }
}
