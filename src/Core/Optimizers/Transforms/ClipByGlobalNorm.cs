namespace Functional.NN.Optimizers;

public static partial class Transform
{
    /// <summary>
    /// Rescales the whole tree when its global norm exceeds a bound (optax <c>clip_by_global_norm</c>):
    /// <code>
    /// ‖g‖ = √(Σ over all weights and biases of g²)
    /// u = g                    if ‖g‖ ≤ c
    /// u = (g / ‖g‖)·c          otherwise
    /// </code>
    /// so ‖u‖ ≤ c up to one rounding, and the direction is kept. Stateless (<see cref="EmptyState"/>).
    /// </summary>
    /// <param name="maxNorm">c &gt; 0.</param>
    public static GradientTransformation ClipByGlobalNorm(double maxNorm)
    {
        var name = $"clip_by_global_norm(max_norm={Text(maxNorm)})";
        if (!(double.IsFinite(maxNorm) && maxNorm > 0))
            throw new ArgumentOutOfRangeException(nameof(maxNorm), maxNorm, $"{name}: max_norm must be a finite number > 0");
        return new GradientTransformation(
            name,
            _ => EmptyState.Instance,
            (updates, state, _) =>
            {
                OptimizerState.Expect<EmptyState>(state, name, EmptyState.KindName);
                var norm = updates.GlobalNorm();
                return norm <= maxNorm
                    ? (updates, state)
                    : (updates.MapScalars(u => u / norm * maxNorm), state);
            });
    }
}
