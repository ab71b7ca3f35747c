using Functional.NN.Model;

namespace Functional.NN.Optimizers;

/// <summary>
/// An optimizer in the optax form: a pair of pure functions. <see cref="Init"/> builds the state from the
/// parameters; <see cref="Update"/> turns gradients into updates u and returns the next state, and the
/// caller applies them with <see cref="Parameters.Apply(Gradients)"/> (p ← p + u). Nothing is kept in the
/// object: the step count and the moments live in the <see cref="OptimizerState"/> value, so the same
/// transformation can drive any number of runs. Transformations compose with <see cref="Transform.Chain"/>.
/// </summary>
/// <param name="Name">A readable description with the hyper-parameters, e.g. <c>adam(lr=0.01, b1=0.9, ...)</c>.</param>
/// <param name="Init">init(params) → the state before the first update.</param>
/// <param name="Update">update(gradients, state, params) → (updates, next state). Never changes its arguments.</param>
public sealed record GradientTransformation(
    string Name,
    Func<Parameters, OptimizerState> Init,
    Func<Gradients, OptimizerState, Parameters, (Gradients Updates, OptimizerState State)> Update)
{
    /// <summary>One optimizer step: the updates for <paramref name="gradients"/> applied to <paramref name="parameters"/>.</summary>
    /// <param name="parameters">The current parameters p.</param>
    /// <param name="gradients">dL/dp at <paramref name="parameters"/>.</param>
    /// <param name="state">The state returned by <see cref="Init"/> or by the previous step.</param>
    /// <returns>The parameters p + u and the next state.</returns>
    public (Parameters Parameters, OptimizerState State) Step(Parameters parameters, Gradients gradients, OptimizerState state)
    {
        var (updates, next) = Update(gradients, state, parameters);
        return (parameters.Apply(updates), next);
    }

    /// <summary>The <see cref="Name"/>.</summary>
    public override string ToString() => Name;
}
