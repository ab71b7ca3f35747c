namespace Functional.NN.Optimizers;

public static partial class Transform
{
    /// <summary>
    /// Decoupled weight decay (optax <c>add_decayed_weights</c>): u = u_in + λ·p, for every weight and every
    /// bias. Placed after the direction and before <see cref="ScaleByLearningRate"/>, it gives AdamW's
    /// p ← p − η·(u_in + λ·p) = p·(1 − η·λ) − η·u_in, the decay of <c>torch.optim.AdamW</c> applied before
    /// its Adam step. Stateless (<see cref="EmptyState"/>).
    /// </summary>
    /// <param name="weightDecay">λ ≥ 0.</param>
    public static GradientTransformation AddDecayedWeights(double weightDecay)
    {
        var name = $"add_decayed_weights(weight_decay={Text(weightDecay)})";
        RequireInRange(weightDecay, 0.0, double.PositiveInfinity, nameof(weightDecay), name);
        return new GradientTransformation(
            name,
            _ => EmptyState.Instance,
            (updates, state, parameters) =>
            {
                OptimizerState.Expect<EmptyState>(state, name, EmptyState.KindName);
                return (updates.ZipScalars(parameters, (u, p) => u + weightDecay * p), state);
            });
    }
}
