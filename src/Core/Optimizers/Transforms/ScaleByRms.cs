using System.Numerics;
using System.Runtime.CompilerServices;
using Functional.NN.Model;
using Functional.NN.Optimizers.Elementwise;

namespace Functional.NN.Optimizers;

public static partial class Transform
{
    /// <summary>
    /// RMSprop's scaling as <c>torch.optim.RMSprop</c> (not centered, no momentum): ε outside the root and
    /// no bias correction:
    /// <code>
    /// v_t = α·v_(t-1) + (1-α)·g_t²
    /// u_t = g_t / (√v_t + ε)
    /// </code>
    /// Followed by <see cref="ScaleByLearningRate"/> this is p ← p − η·g_t / (√v_t + ε). (optax
    /// <c>scale_by_rms</c> puts ε inside the root by default.) State: <see cref="RmsState{T}"/>, v starting at 0, of
    /// the parameters' element type. On float parameters α, 1-α and ε are computed in double and rounded to float
    /// once, and the rest is float arithmetic on the elements.
    /// </summary>
    /// <param name="alpha">α in [0, 1): decay of the mean square (torch's <c>alpha</c>, optax's <c>decay</c>).</param>
    /// <param name="eps">ε ≥ 0, added to the root of the mean square.</param>
    public static GradientTransformation ScaleByRms(double alpha = 0.99, double eps = 1e-8)
    {
        var name = $"scale_by_rms(alpha={Text(alpha)}, eps={Text(eps)})";
        RequireInRange(alpha, 0.0, 1.0, nameof(alpha), name);
        RequireInRange(eps, 0.0, double.PositiveInfinity, nameof(eps), name);
        return new GradientTransformation(name, new RmsUpdate(name, alpha, eps));
    }

    private sealed class RmsUpdate(string name, double alpha, double eps) : ElementwiseUpdate
    {
        public override OptimizerState Init<T>(Parameters<T> parameters) => new RmsState<T>(0, Gradients<T>.ZerosLike(parameters));

        public override ElementwiseStep<T> Begin<T>(OptimizerState state, Func<double> inputNorm, StepArrays arrays)
        {
            var s = OptimizerState.Expect<RmsState<T>>(state, name, RmsState<T>.KindName);
            return new Step<T>(T.CreateTruncating(alpha), T.CreateTruncating(1 - alpha), T.CreateTruncating(eps), s.Count,
                new MomentTree<T>(s.Nu, arrays));
        }

        private sealed class Step<T>(T alpha, T oneMinusAlpha, T eps, int count, MomentTree<T> nu) : ElementwiseStep<T>
            where T : unmanaged, IFloatingPointIeee754<T>
        {
            public override void Run(int tensor, int offset, Span<T> u, ReadOnlySpan<T> p, int width)
            {
                var body = new Body<T>(u, nu.Previous(tensor, offset, u.Length), nu.Next(tensor, offset, u.Length), alpha, oneMinusAlpha, eps);
                LaneLoop<T>.Run(ref body, u.Length, width);
            }

            public override OptimizerState Finish() => new RmsState<T>(count + 1, nu.Finish());
        }

        private readonly ref struct Body<T>(Span<T> u, ReadOnlySpan<T> v, Span<T> nextV, T alpha, T oneMinusAlpha, T eps) : ILaneBody<T>
            where T : unmanaged, IFloatingPointIeee754<T>
        {
            private readonly Span<T> _u = u, _nextV = nextV;
            private readonly ReadOnlySpan<T> _v = v;

            // Inlined into the lane loop: a call per group of 8 cost more than the arithmetic (measured 4x on Adam).

            [MethodImpl(MethodImplOptions.AggressiveInlining)]

            public void At<TL>(int i) where TL : struct, ILanes<TL, T>
            {
                var g = TL.Load(_u, i);
                var v = TL.Load(_v, i) * TL.Of(alpha) + TL.Of(oneMinusAlpha) * g * g;
                v.Store(_nextV, i);
                (g / (TL.Sqrt(v) + TL.Of(eps))).Store(_u, i);
            }
        }
    }
}
