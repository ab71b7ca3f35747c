using Functional.NN.Model;

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
        var oneMinusAlpha = 1 - alpha;
        return new GradientTransformation(
            name,
            parameters => new RmsState(0, Gradients.ZerosLike(parameters)),
            (gradients, state, _) =>
            {
                var s = OptimizerState.Expect<RmsState>(state, name, RmsState.KindName);
                var nu = s.Nu.ZipScalars(gradients, (v, g) => v * alpha + oneMinusAlpha * g * g);
                var updates = gradients.ZipScalars(nu, (g, v) => g / (Math.Sqrt(v) + eps));
                return (updates, new RmsState(s.Count + 1, nu));
            });
    }
}
