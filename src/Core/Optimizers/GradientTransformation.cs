using System.Collections.Immutable;
using System.Numerics;
using System.Runtime.InteropServices;
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
/// <para>
/// <see cref="Init"/> and <see cref="Update"/> act on double trees. <see cref="InitialState{T}"/> and
/// <see cref="Step{T}(Parameters{T}, Gradients{T}, OptimizerState)"/> act on trees of any element type (double or
/// float) for the built-in transformations, whose per-element rules are written once for every element type; a
/// transformation made from user functions (or a mask over a transformation without a per-element form) runs on
/// double trees only.
/// </para>
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

    /// <summary>An element-wise transformation, whose init and update are those of its per-element rule run over the tree.</summary>
    internal GradientTransformation(string name, ElementwiseUpdate elementwise)
        : this(name, elementwise.Init, (gradients, state, parameters) => ElementwisePass.Update(elementwise, gradients, state, parameters)) =>
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
    public GradientTransformation Named(string name) => new(name, Init, Update, Elementwise) { Sequence = Sequence };

    /// <summary>
    /// The per-element form of <see cref="Update"/>, when the transformation has one (every built-in transformation
    /// except clipping after another one, and chains or masks of those); null for opaque user transformations.
    /// </summary>
    internal ElementwiseUpdate? Elementwise { get; }

    /// <summary>
    /// For a chain without a per-element form whose parts all run on any element type (clipping after another
    /// transformation): its parts, run tree by tree one after the other; null for every other transformation.
    /// </summary>
    internal ImmutableArray<GradientTransformation>? Sequence { get; init; }

    /// <summary>True when the transformation runs on trees of any element type, not only double.</summary>
    internal bool IsGeneric => Elementwise is not null || Sequence is not null;

    /// <summary>
    /// The state before the first step for parameters of element type <typeparamref name="T"/>: <see cref="Init"/>
    /// for double; for float, the built-in transformations' states holding float moments.
    /// </summary>
    /// <param name="parameters">The parameters the state is for (its moments take their shapes).</param>
    /// <exception cref="ArgumentException">
    /// <typeparamref name="T"/> is not double and the transformation runs on double trees only (made from user functions).
    /// </exception>
    public OptimizerState InitialState<T>(Parameters<T> parameters) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters is Parameters<double> doubles) return Init(doubles);
        if (Elementwise is not null) return Elementwise.Init(parameters);
        if (Sequence is { } parts) return new ChainState([.. parts.Select(part => part.InitialState(parameters))]);
        throw OnlyDouble<T>();
    }

    /// <summary>One optimizer step: the updates for <paramref name="gradients"/> applied to <paramref name="parameters"/>.</summary>
    /// <param name="parameters">The current parameters p.</param>
    /// <param name="gradients">dL/dp at <paramref name="parameters"/>.</param>
    /// <param name="state">The state returned by <see cref="Init"/> (<see cref="InitialState{T}"/>) or by the previous step.</param>
    /// <typeparam name="T">The element type: double, or float for the built-in transformations.</typeparam>
    /// <returns>The parameters p + u and the next state.</returns>
    /// <remarks>
    /// An element-wise transformation (all built-in ones) runs as one pass that reads p, g and the moments once and
    /// writes p + u and the next moments; its numbers are those of <see cref="Update"/> followed by
    /// <see cref="Parameters{T}.Apply(Gradients{T})"/>, bit for bit. In float, the step's scalars (bias corrections,
    /// the learning rate, a clipping factor) are computed in double and rounded to float once, and every operation
    /// on the elements is a float operation, as <c>torch.optim</c> computes for float32 tensors.
    /// </remarks>
    /// <exception cref="ArgumentException">
    /// The shapes differ, the state is not this transformation's, or <typeparamref name="T"/> is not double and the
    /// transformation runs on double trees only (made from user functions).
    /// </exception>
    public (Parameters<T> Parameters, OptimizerState State) Step<T>(Parameters<T> parameters, Gradients<T> gradients, OptimizerState state)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Step(ComputeBackend.Current, parameters, gradients, state);

    /// <summary><see cref="Step{T}(Parameters{T}, Gradients{T}, OptimizerState)"/> on a given backend.</summary>
    internal (Parameters<T> Parameters, OptimizerState State) Step<T>(ComputeBackend backend, Parameters<T> parameters, Gradients<T> gradients,
        OptimizerState state) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (Elementwise is not null)
        {
            ElementwisePass.RequireSameShapes(parameters, gradients);
            return ElementwisePass.Step(backend, Elementwise, parameters, ElementwisePass.Memories(gradients), state);
        }
        if (parameters is Parameters<double> p && gradients is Gradients<double> g)
        {
            var (updates, next) = Update(g, state, p);
            return ((Parameters<T>)(object)p.Apply(updates), next);
        }
        var (u, s) = UpdateTree(gradients, state, parameters);
        return (parameters.Apply(u), s);
    }

    /// <summary>
    /// <see cref="Update"/> on trees of any element type, for the transformations that run on them: the per-element
    /// rule over the tree, or a chain's parts one after the other.
    /// </summary>
    internal (Gradients<T> Updates, OptimizerState State) UpdateTree<T>(Gradients<T> gradients, OptimizerState state, Parameters<T> parameters)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (Elementwise is not null) return ElementwisePass.Update(Elementwise, gradients, state, parameters);
        if (Sequence is not { } parts) throw OnlyDouble<T>();
        var chain = Transform.ChainStates(state, Name, parts.Length);
        var next = new OptimizerState[parts.Length];
        for (var i = 0; i < parts.Length; i++) (gradients, next[i]) = parts[i].UpdateTree(gradients, chain.States[i], parameters);
        return (gradients, new ChainState(ImmutableCollectionsMarshal.AsImmutableArray(next)));
    }

    /// <summary>The error of running a transformation made from functions over double trees on other elements.</summary>
    private ArgumentException OnlyDouble<T>() => new(
        $"{Name}: this transformation is made from functions over double trees (a user transformation, or a mask over one " +
        $"without a per-element form), so it runs on double parameters only, not on {typeof(T).Name}");

    /// <summary>The <see cref="Name"/>.</summary>
    public override string ToString() => Name;
}
