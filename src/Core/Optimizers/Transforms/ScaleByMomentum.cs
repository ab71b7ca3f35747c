using System.Numerics;
using System.Runtime.CompilerServices;
using Functional.NN.Model;
using Functional.NN.Optimizers.Elementwise;

namespace Functional.NN.Optimizers;

public static partial class Transform
{
    /// <summary>
    /// The momentum of SGD, exactly as <c>torch.optim.SGD</c> with dampening 0 (optax <c>trace</c>):
    /// <code>
    /// b_1 = g_1,   b_t = μ·b_(t-1) + g_t   (t ≥ 2)
    /// u_t = b_t                (heavy ball)
    /// u_t = g_t + μ·b_t        (Nesterov)
    /// </code>
    /// Followed by <see cref="ScaleByLearningRate"/> this gives p ← p − η·u_t. State: <see cref="MomentumState{T}"/>,
    /// of the parameters' element type. On float parameters μ is rounded to float once, and the rest is float
    /// arithmetic on the elements.
    /// </summary>
    /// <param name="momentum">μ ≥ 0.</param>
    /// <param name="nesterov">Use the Nesterov form (needs μ &gt; 0, as in torch).</param>
    public static GradientTransformation ScaleByMomentum(double momentum, bool nesterov = false)
    {
        var name = $"scale_by_momentum(momentum={Text(momentum)}, nesterov={(nesterov ? "true" : "false")})";
        RequireInRange(momentum, 0.0, double.PositiveInfinity, nameof(momentum), name);
        if (nesterov && momentum == 0.0)
            throw new ArgumentOutOfRangeException(nameof(momentum), momentum, $"{name}: Nesterov momentum needs momentum > 0");
        return new GradientTransformation(name, new MomentumUpdate(name, momentum, nesterov));
    }

    private sealed class MomentumUpdate(string name, double momentum, bool nesterov) : ElementwiseUpdate
    {
        public override OptimizerState Init<T>(Parameters<T> parameters) => new MomentumState<T>(0, Gradients<T>.ZerosLike(parameters));

        public override ElementwiseStep<T> Begin<T>(OptimizerState state, Func<double> inputNorm, StepArrays arrays)
        {
            var s = OptimizerState.Expect<MomentumState<T>>(state, name, MomentumState<T>.KindName);
            return new Step<T>(T.CreateTruncating(momentum), nesterov, s.Count, new MomentTree<T>(s.Buffer, arrays));
        }

        private sealed class Step<T>(T momentum, bool nesterov, int count, MomentTree<T> buffer) : ElementwiseStep<T>
            where T : unmanaged, IFloatingPointIeee754<T>
        {
            public override void Run(int tensor, int offset, Span<T> u, ReadOnlySpan<T> p, int width)
            {
                var body = new Body<T>(u, buffer.Previous(tensor, offset, u.Length), buffer.Next(tensor, offset, u.Length),
                    momentum, first: count == 0, nesterov);
                LaneLoop<T>.Run(ref body, u.Length, width);
            }

            public override OptimizerState Finish() => new MomentumState<T>(count + 1, buffer.Finish());
        }

        private readonly ref struct Body<T>(Span<T> u, ReadOnlySpan<T> b, Span<T> nextB, T momentum, bool first, bool nesterov)
            : ILaneBody<T> where T : unmanaged, IFloatingPointIeee754<T>
        {
            private readonly Span<T> _u = u, _nextB = nextB;
            private readonly ReadOnlySpan<T> _b = b;

            // Inlined into the lane loop: a call per group of 8 cost more than the arithmetic (measured 4x on Adam).

            [MethodImpl(MethodImplOptions.AggressiveInlining)]

            public void At<TL>(int i) where TL : struct, ILanes<TL, T>
            {
                var g = TL.Load(_u, i);
                var b = first ? g : TL.Load(_b, i) * TL.Of(momentum) + g;
                b.Store(_nextB, i);
                (nesterov ? g + TL.Of(momentum) * b : b).Store(_u, i);
            }
        }
    }
}
