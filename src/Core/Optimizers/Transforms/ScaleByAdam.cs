using Functional.NN.Model;

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
        var (oneMinusB1, oneMinusB2) = (1 - b1, 1 - b2);
        return new GradientTransformation(
            name,
            parameters => new AdamState(0, Gradients.ZerosLike(parameters), Gradients.ZerosLike(parameters)),
            (gradients, state, _) =>
            {
                var s = OptimizerState.Expect<AdamState>(state, name, AdamState.KindName);
                var t = s.Count + 1;
                var mu = s.Mu.ZipScalars(gradients, (m, g) => m * b1 + oneMinusB1 * g);
                var nu = s.Nu.ZipScalars(gradients, (v, g) => v * b2 + oneMinusB2 * g * g);
                var biasCorrection1 = 1 - Math.Pow(b1, t);
                var biasCorrection2Sqrt = Math.Sqrt(1 - Math.Pow(b2, t));
                var updates = mu.ZipScalars(nu, (m, v) => m / (Math.Sqrt(v) / biasCorrection2Sqrt + eps) / biasCorrection1);
                return (updates, new AdamState(t, mu, nu));
            });
    }
}
