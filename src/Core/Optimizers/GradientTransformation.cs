using Functional.NN.Compute;
using Functional.NN.Model;
using Functional.NN.Optimizers.Elementwise;

namespace Functional.NN.Optimizers;

/// <summary>
/// An optimizer in the optax form: a pair of pure functions. <see cref="Init"/> builds the state from the
/// parameters; <see cref="Update"/> turns gradients into updates u and returns the next state, and the
/// caller applies them with <see cref="Parameters.Apply(Gradients)"/> (p ← p + u). Nothing is kept in the
/// object: the step count and the moments live in the <see cref="OptimizerState"/> value, so the same
/// transformation can drive any number of runs. Transformations compose with <see cref="Transform.Chain"/>.
/// </summary>
public sealed record GradientTransformation
{
    /// <summary>A transformation from its two pure functions.</summary>
    /// <param name="name">A readable description with the hyper-parameters, e.g. <c>adam(lr=0.01, b1=0.9, ...)</c>.</param>
    /// <param name="init">init(params) → the state before the first update.</param>
    /// <param name="update">update(gradients, state, params) → (updates, next state); must not change its arguments.</param>
    public GradientTransformation(
        string name,
        Func<Parameters, OptimizerState> init,
        Func<Gradients, OptimizerState, Parameters, (Gradients Updates, OptimizerState State)> update)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Init = init ?? throw new ArgumentNullException(nameof(init));
        Update = update ?? throw new ArgumentNullException(nameof(update));
    }

    /// <summary>An element-wise transformation, whose update is its per-element rule run over the tree.</summary>
    internal GradientTransformation(string name, Func<Parameters, OptimizerState> init, ElementwiseUpdate elementwise)
        : this(name, init, (gradients, state, parameters) => ElementwisePass.Update(elementwise, gradients, state, parameters)) =>
        Elementwise = elementwise;

    /// <summary>A transformation with a tree-level update and, when it has one, the same update element by element.</summary>
    internal GradientTransformation(string name, Func<Parameters, OptimizerState> init,
        Func<Gradients, OptimizerState, Parameters, (Gradients Updates, OptimizerState State)> update, ElementwiseUpdate? elementwise)
        : this(name, init, update) =>
        Elementwise = elementwise;

    /// <summary>A readable description with the hyper-parameters, e.g. <c>adam(lr=0.01, b1=0.9, ...)</c>.</summary>
    public string Name { get; }

    /// <summary>init(params) → the state before the first update.</summary>
    public Func<Parameters, OptimizerState> Init { get; }

    /// <summary>update(gradients, state, params) → (updates, next state). Never changes its arguments.</summary>
    public Func<Gradients, OptimizerState, Parameters, (Gradients Updates, OptimizerState State)> Update { get; }

    /// <summary>The same functions under another name (used by the named optimizers of <see cref="Optimizer"/>).</summary>
    public GradientTransformation Named(string name) => new(name, Init, Update, Elementwise);

    /// <summary>
    /// The per-element form of <see cref="Update"/>, when the transformation has one (every built-in transformation
    /// except clipping after another one, and chains or masks of those); null for opaque user transformations.
    /// </summary>
    internal ElementwiseUpdate? Elementwise { get; }

    /// <summary>One optimizer step: the updates for <paramref name="gradients"/> applied to <paramref name="parameters"/>.</summary>
    /// <param name="parameters">The current parameters p.</param>
    /// <param name="gradients">dL/dp at <paramref name="parameters"/>.</param>
    /// <param name="state">The state returned by <see cref="Init"/> or by the previous step.</param>
    /// <returns>The parameters p + u and the next state.</returns>
    /// <remarks>
    /// An element-wise transformation (all built-in ones) runs as one pass that reads p, g and the moments once and
    /// writes p + u and the next moments; its numbers are those of <see cref="Update"/> followed by
    /// <see cref="Parameters.Apply(Gradients)"/>, bit for bit.
    /// </remarks>
    public (Parameters Parameters, OptimizerState State) Step(Parameters parameters, Gradients gradients, OptimizerState state) =>
        Step(ComputeBackend.Current, parameters, gradients, state);

    /// <summary><see cref="Step(Parameters, Gradients, OptimizerState)"/> on a given backend.</summary>
    internal (Parameters Parameters, OptimizerState State) Step(ComputeBackend backend, Parameters parameters, Gradients gradients, OptimizerState state)
    {
        if (Elementwise is null)
        {
            var (updates, next) = Update(gradients, state, parameters);
            return (parameters.Apply(updates), next);
        }
        if (!parameters.SameStructure(gradients))
            throw new ArgumentException($"layer shapes differ: {parameters.Describe()} and {gradients.Describe()}");
        return ElementwisePass.Step(backend, Elementwise, parameters, ElementwisePass.Memories(gradients), state);
    }

    /// <summary>The <see cref="Name"/>.</summary>
    public override string ToString() => Name;
}
