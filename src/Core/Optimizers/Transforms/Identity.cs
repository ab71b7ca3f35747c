namespace Functional.NN.Optimizers;

public static partial class Transform
{
    /// <summary>
    /// The identity: u = g, with an <see cref="EmptyState"/> (optax <c>identity</c>). The neutral element of
    /// <see cref="Chain"/>.
    /// </summary>
    public static GradientTransformation Identity() => new(
        "identity",
        _ => EmptyState.Instance,
        (gradients, state, _) =>
        {
            OptimizerState.Expect<EmptyState>(state, "identity", EmptyState.KindName);
            return (gradients, state);
        });
}
