using System.Numerics;
using System.Runtime.CompilerServices;
using Functional.NN.Model;
using Functional.NN.Optimizers.Elementwise;

namespace Functional.NN.Optimizers;

public static partial class Transform
{
    /// <summary>
    /// Multiplies by minus the learning rate of the current step (optax <c>scale_by_learning_rate</c>, which
    /// is <c>scale_by_schedule</c> with the sign flipped so that p + u descends):
    /// <code>
    /// u_t = −η(k)·g_t,   k = t − 1 = updates made before this one
    /// </code>
    /// The first update uses η(0), as torch's learning-rate schedulers do. A constant rate converts to a
    /// <see cref="Schedule"/> implicitly. State: <see cref="CountState"/> (also for a constant rate, so that the
    /// state's shape does not depend on the schedule). On float parameters −η(k) is computed in double and rounded
    /// to float once per step, and the product is a float multiplication.
    /// </summary>
    /// <param name="learningRate">η, a constant or a <see cref="Schedule"/> of the step number.</param>
    public static GradientTransformation ScaleByLearningRate(Schedule learningRate)
    {
        ArgumentNullException.ThrowIfNull(learningRate);
        var name = $"scale_by_learning_rate({learningRate.Description})";
        return new GradientTransformation(name, new LearningRateUpdate(name, learningRate));
    }

    internal sealed class LearningRateUpdate(string name, Schedule learningRate) : ElementwiseUpdate
    {
        public override OptimizerState Init<T>(Parameters<T> parameters) => new CountState(0);

        public override ElementwiseStep<T> Begin<T>(OptimizerState state, Func<double> inputNorm, StepArrays arrays)
        {
            var s = OptimizerState.Expect<CountState>(state, name, CountState.KindName);
            return new Step<T>(s.Count, T.CreateTruncating(-learningRate.At(s.Count)));
        }

        /// <summary>The step that multiplies u by <see cref="Factor"/> = −η(count), rounded to <typeparamref name="T"/>.</summary>
        internal sealed class Step<T>(int count, T minusRate) : ElementwiseStep<T> where T : unmanaged, IFloatingPointIeee754<T>
        {
            /// <summary>−η at this step.</summary>
            public T Factor => minusRate;

            public override void Run(int tensor, int offset, Span<T> u, ReadOnlySpan<T> p, int width)
            {
                var body = new Scale<T>(u, minusRate);
                LaneLoop<T>.Run(ref body, u.Length, width);
            }

            public override OptimizerState Finish() => new CountState(count + 1);
        }
    }

    /// <summary>u ← factor·u.</summary>
    private readonly ref struct Scale<T>(Span<T> u, T factor) : ILaneBody<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        private readonly Span<T> _u = u;

        // Inlined into the lane loop: a call per group of 8 cost more than the arithmetic (measured 4x on Adam).

        [MethodImpl(MethodImplOptions.AggressiveInlining)]

        public void At<TL>(int i) where TL : struct, ILanes<TL, T> => Scaled<TL, T>(factor, TL.Load(_u, i)).Store(_u, i);
    }

    /// <summary>factor·u, the one statement of scaling an update by the learning rate.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static TL Scaled<TL, T>(T factor, TL u) where TL : struct, ILanes<TL, T> where T : unmanaged, IFloatingPointIeee754<T> =>
        TL.Of(factor) * u;
}
