using static Functional.NN.Optimizers.Transform;

namespace Functional.NN.Optimizers;

/// <summary>
/// The named optimizers, each a chain of <see cref="Transform"/> building blocks with the semantics of
/// <c>torch.optim</c> (every parameter updated, weights and biases alike). η may be a constant or a
/// <see cref="Schedule"/> of the step number k = t − 1. Use them as
/// <c>var state = opt.Init(p); (p, state) = opt.Step(p, g, state);</c>.
/// </summary>
public static class Optimizer
{
    /// <summary>
    /// Stochastic gradient descent (<c>torch.optim.SGD</c>, momentum 0): p ← p − η·g.
    /// </summary>
    /// <param name="learningRate">η.</param>
    public static GradientTransformation Sgd(Schedule learningRate) =>
        ScaleByLearningRate(learningRate).Named($"sgd(lr={learningRate})");

    /// <summary>
    /// SGD with momentum (<c>torch.optim.SGD</c>, dampening 0):
    /// <code>
    /// b_1 = g_1,   b_t = μ·b_(t-1) + g_t
    /// p ← p − η·b_t              (heavy ball)
    /// p ← p − η·(g_t + μ·b_t)    (Nesterov)
    /// </code>
    /// = Chain(<see cref="Transform.ScaleByMomentum"/>(μ, nesterov), <see cref="Transform.ScaleByLearningRate"/>(η)).
    /// </summary>
    /// <param name="learningRate">η.</param>
    /// <param name="momentum">μ ≥ 0 (torch's usual 0.9).</param>
    /// <param name="nesterov">Use Nesterov momentum.</param>
    public static GradientTransformation SgdMomentum(Schedule learningRate, double momentum = 0.9, bool nesterov = false) =>
        Chain(ScaleByMomentum(momentum, nesterov), ScaleByLearningRate(learningRate))
            .Named($"sgd_momentum(lr={learningRate}, momentum={Text(momentum)}, nesterov={(nesterov ? "true" : "false")})");

    /// <summary>
    /// Adam (<c>torch.optim.Adam</c>, no weight decay, no amsgrad), ε outside the root:
    /// <code>
    /// m_t = β1·m_(t-1) + (1-β1)·g_t
    /// v_t = β2·v_(t-1) + (1-β2)·g_t²
    /// p ← p − (η/(1-β1^t))·m_t / (√v_t/√(1-β2^t) + ε)
    /// </code>
    /// = Chain(<see cref="Transform.ScaleByAdam"/>(β1, β2, ε), <see cref="Transform.ScaleByLearningRate"/>(η)).
    /// </summary>
    /// <param name="learningRate">η.</param>
    /// <param name="b1">β1 in [0, 1).</param>
    /// <param name="b2">β2 in [0, 1).</param>
    /// <param name="eps">ε ≥ 0.</param>
    public static GradientTransformation Adam(Schedule learningRate, double b1 = 0.9, double b2 = 0.999, double eps = 1e-8) =>
        Chain(ScaleByAdam(b1, b2, eps), ScaleByLearningRate(learningRate))
            .Named($"adam(lr={learningRate}, b1={Text(b1)}, b2={Text(b2)}, eps={Text(eps)})");

    /// <summary>
    /// AdamW, Adam with decoupled weight decay (<c>torch.optim.AdamW</c>; Loshchilov &amp; Hutter), weights and
    /// biases alike:
    /// <code>
    /// p ← p·(1 − η·λ)                                   (decay first, with the rate of this step)
    /// p ← p − (η/(1-β1^t))·m_t / (√v_t/√(1-β2^t) + ε)   (then the Adam step, m and v as in Adam)
    /// </code>
    /// = Chain(<see cref="Transform.ScaleByAdam"/>(β1, β2, ε), <see cref="Transform.AddDecayedWeights"/>(λ),
    /// <see cref="Transform.ScaleByLearningRate"/>(η)), which adds the same two terms to p.
    /// </summary>
    /// <param name="learningRate">η.</param>
    /// <param name="b1">β1 in [0, 1).</param>
    /// <param name="b2">β2 in [0, 1).</param>
    /// <param name="eps">ε ≥ 0.</param>
    /// <param name="weightDecay">λ ≥ 0 (torch's default 0.01).</param>
    public static GradientTransformation AdamW(
        Schedule learningRate, double b1 = 0.9, double b2 = 0.999, double eps = 1e-8, double weightDecay = 0.01) =>
        Chain(ScaleByAdam(b1, b2, eps), AddDecayedWeights(weightDecay), ScaleByLearningRate(learningRate))
            .Named($"adamw(lr={learningRate}, b1={Text(b1)}, b2={Text(b2)}, eps={Text(eps)}, weight_decay={Text(weightDecay)})");

    /// <summary>
    /// RMSprop (<c>torch.optim.RMSprop</c>: not centered, no momentum), ε outside the root, no bias correction:
    /// <code>
    /// v_t = α·v_(t-1) + (1-α)·g_t²
    /// p ← p − η·g_t / (√v_t + ε)
    /// </code>
    /// = Chain(<see cref="Transform.ScaleByRms"/>(α, ε), <see cref="Transform.ScaleByLearningRate"/>(η)).
    /// </summary>
    /// <param name="learningRate">η.</param>
    /// <param name="alpha">α in [0, 1), the smoothing constant.</param>
    /// <param name="eps">ε ≥ 0.</param>
    public static GradientTransformation RmsProp(Schedule learningRate, double alpha = 0.99, double eps = 1e-8) =>
        Chain(ScaleByRms(alpha, eps), ScaleByLearningRate(learningRate))
            .Named($"rmsprop(lr={learningRate}, alpha={Text(alpha)}, eps={Text(eps)})");
}
