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
    /// <c>scale_by_rms</c> puts ε inside the root by default.) State: <see cref="RmsState"/>, v starting at 0.
    /// </summary>
    /// <param name="alpha">α in [0, 1): decay of the mean square (torch's <c>alpha</c>, optax's <c>decay</c>).</param>
    /// <param name="eps">ε ≥ 0, added to the root of the mean square.</param>
    public static GradientTransformation ScaleByRms(double alpha = 0.99, double eps = 1e-8)
    {
        var name = $"scale_by_rms(alpha={Text(alpha)}, eps={Text(eps)})";
        RequireInRange(alpha, 0.0, 1.0, nameof(alpha), name);
        RequireInRange(eps, 0.0, double.PositiveInfinity, nameof(eps), name);
        return new GradientTransformation(
            name,
            parameters => new RmsState(0, Gradients.ZerosLike(parameters)),
            new RmsUpdate(name, alpha, eps));
    }

    private sealed class RmsUpdate(string name, double alpha, double eps) : ElementwiseUpdate
    {
        public override ElementwiseStep Begin(OptimizerState state, Func<double> inputNorm, StepArrays arrays)
        {
            var s = OptimizerState.Expect<RmsState>(state, name, RmsState.KindName);
            return new Step(alpha, eps, s.Count, new MomentTree(s.Nu, arrays));
        }

        private sealed class Step(double alpha, double eps, int count, MomentTree nu) : ElementwiseStep
        {
            public override void Run(int tensor, int offset, Span<double> u, ReadOnlySpan<double> p, int width)
            {
                var body = new Body(u, nu.Previous(tensor, offset, u.Length), nu.Next(tensor, offset, u.Length), alpha, eps);
                LaneLoop.Run(ref body, u.Length, width);
            }

            public override OptimizerState Finish() => new RmsState(count + 1, nu.Finish());
        }

        private readonly ref struct Body(Span<double> u, ReadOnlySpan<double> v, Span<double> nextV, double alpha, double eps) : ILaneBody
        {
            private readonly Span<double> _u = u, _nextV = nextV;
            private readonly ReadOnlySpan<double> _v = v;

            // Inlined into the lane loop: a call per group of 8 cost more than the arithmetic (measured 4x on Adam).

            [MethodImpl(MethodImplOptions.AggressiveInlining)]

            public void At<TL>(int i) where TL : struct, ILanes<TL>
            {
                var g = TL.Load(_u, i);
                var v = TL.Load(_v, i) * TL.Of(alpha) + TL.Of(1 - alpha) * g * g;
                v.Store(_nextV, i);
                (g / (TL.Sqrt(v) + TL.Of(eps))).Store(_u, i);
            }
        }
    }
}
