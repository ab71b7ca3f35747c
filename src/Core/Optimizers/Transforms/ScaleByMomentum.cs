using Functional.NN.Model;

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
    /// Followed by <see cref="ScaleByLearningRate"/> this gives p ← p − η·u_t. State: <see cref="MomentumState"/>.
    /// </summary>
    /// <param name="momentum">μ ≥ 0.</param>
    /// <param name="nesterov">Use the Nesterov form (needs μ &gt; 0, as in torch).</param>
    public static GradientTransformation ScaleByMomentum(double momentum, bool nesterov = false)
    {
        var name = $"scale_by_momentum(momentum={Text(momentum)}, nesterov={(nesterov ? "true" : "false")})";
        RequireInRange(momentum, 0.0, double.PositiveInfinity, nameof(momentum), name);
        if (nesterov && momentum == 0.0)
            throw new ArgumentOutOfRangeException(nameof(momentum), momentum, $"{name}: Nesterov momentum needs momentum > 0");
        return new GradientTransformation(
            name,
            parameters => new MomentumState(0, Gradients.ZerosLike(parameters)),
            (gradients, state, _) =>
            {
                var s = OptimizerState.Expect<MomentumState>(state, name, MomentumState.KindName);
                var buffer = s.Count == 0
                    ? gradients
                    : s.Buffer.ZipScalars(gradients, (b, g) => b * momentum + g);
                var updates = nesterov
                    ? gradients.ZipScalars(buffer, (g, b) => g + momentum * b)
                    : buffer;
                return (updates, new MomentumState(s.Count + 1, buffer));
            });
    }
}
