using System.Runtime.CompilerServices;
using Functional.NN.Model;
using Functional.NN.Optimizers.Elementwise;

namespace Functional.NN.Optimizers;

public static partial class Transform
{
    /// <summary>
    /// Adam's bias-corrected direction, with ε outside the square root and the operations in the order of
    /// <c>torch.optim.Adam</c> (<c>_single_tensor_adam</c>):
    /// <code>
    /// m_t = β1·m_(t-1) + (1-β1)·g_t
    /// v_t = β2·v_(t-1) + (1-β2)·g_t²
    /// u_t = m_t / (√v_t / √(1-β2^t) + ε) / (1-β1^t)
    /// </code>
    /// Followed by <see cref="ScaleByLearningRate"/> this is p ← p − (η/(1-β1^t))·m_t / (√v_t/√(1-β2^t) + ε).
    /// (optax <c>scale_by_adam</c> computes the same quantity as m̂/(√v̂ + ε), which differs only by rounding.)
    /// State: <see cref="AdamState"/>, moments starting at 0.
    /// </summary>
    /// <param name="b1">β1 in [0, 1): decay of the first moment.</param>
    /// <param name="b2">β2 in [0, 1): decay of the second moment.</param>
    /// <param name="eps">ε ≥ 0, added to the bias-corrected root of the second moment.</param>
    public static GradientTransformation ScaleByAdam(double b1 = 0.9, double b2 = 0.999, double eps = 1e-8)
    {
        var name = $"scale_by_adam(b1={Text(b1)}, b2={Text(b2)}, eps={Text(eps)})";
        RequireInRange(b1, 0.0, 1.0, nameof(b1), name);
        RequireInRange(b2, 0.0, 1.0, nameof(b2), name);
        RequireInRange(eps, 0.0, double.PositiveInfinity, nameof(eps), name);
        return new GradientTransformation(
            name,
            parameters => new AdamState(0, Gradients.ZerosLike(parameters), Gradients.ZerosLike(parameters)),
            new AdamUpdate(name, b1, b2, eps));
    }

    private sealed class AdamUpdate(string name, double b1, double b2, double eps) : ElementwiseUpdate
    {
        public override ElementwiseStep Begin(OptimizerState state, Func<double> inputNorm, StepArrays arrays)
        {
            var s = OptimizerState.Expect<AdamState>(state, name, AdamState.KindName);
            return new Step(b1, b2, eps, s.Count + 1, new MomentTree(s.Mu, arrays), new MomentTree(s.Nu, arrays));
        }

        private sealed class Step(double b1, double b2, double eps, int t, MomentTree mu, MomentTree nu) : ElementwiseStep
        {
            private readonly double _biasCorrection1 = 1 - Math.Pow(b1, t);
            private readonly double _biasCorrection2Sqrt = Math.Sqrt(1 - Math.Pow(b2, t));

            public override void Run(int tensor, int offset, Span<double> u, ReadOnlySpan<double> p, int width)
            {
                var body = new Body<IntoUpdate>(u, mu.Previous(tensor, offset, u.Length), mu.Next(tensor, offset, u.Length),
                    nu.Previous(tensor, offset, u.Length), nu.Next(tensor, offset, u.Length),
                    b1, b2, eps, _biasCorrection1, _biasCorrection2Sqrt, new IntoUpdate(u));
                LaneLoop.Run(ref body, u.Length, width);
            }

            public override bool TryRunScaledApplied(int tensor, int offset, ReadOnlySpan<double> g, ReadOnlySpan<double> p, Span<double> result,
                double factor, int width)
            {
                var body = new Body<ScaledIntoParameters>(g, mu.Previous(tensor, offset, g.Length), mu.Next(tensor, offset, g.Length),
                    nu.Previous(tensor, offset, g.Length), nu.Next(tensor, offset, g.Length),
                    b1, b2, eps, _biasCorrection1, _biasCorrection2Sqrt, new ScaledIntoParameters(p, result, factor));
                LaneLoop.Run(ref body, g.Length, width);
                // Stryker disable once Boolean : saying no after the one pass makes the chain redo the block pass by pass, with the same numbers into the same places
                return true;
            }

            public override OptimizerState Finish() => new AdamState(t, mu.Finish(), nu.Finish());
        }

        private readonly ref struct Body<TEnd>(ReadOnlySpan<double> g, ReadOnlySpan<double> m, Span<double> nextM, ReadOnlySpan<double> v,
            Span<double> nextV, double b1, double b2, double eps, double biasCorrection1, double biasCorrection2Sqrt, TEnd end) : ILaneBody
            where TEnd : IUpdateEnd, allows ref struct
        {
            private readonly Span<double> _nextM = nextM, _nextV = nextV;
            private readonly ReadOnlySpan<double> _g = g, _m = m, _v = v;
            private readonly TEnd _end = end;

            // Inlined into the lane loop: a call per group of 8 cost more than the arithmetic (measured 4x on Adam).

            [MethodImpl(MethodImplOptions.AggressiveInlining)]

            public void At<TL>(int i) where TL : struct, ILanes<TL>
            {
                var g = TL.Load(_g, i);
                var m = TL.Load(_m, i) * TL.Of(b1) + TL.Of(1 - b1) * g;
                var v = TL.Load(_v, i) * TL.Of(b2) + TL.Of(1 - b2) * g * g;
                m.Store(_nextM, i);
                v.Store(_nextV, i);
                _end.End(m / (TL.Sqrt(v) / TL.Of(biasCorrection2Sqrt) + TL.Of(eps)) / TL.Of(biasCorrection1), i);
            }
        }
    }
}
