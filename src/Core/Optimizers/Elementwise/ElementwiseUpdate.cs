using System.Numerics;
using Functional.NN.Model;

namespace Functional.NN.Optimizers.Elementwise;

/// <summary>
/// The element-wise form of a <see cref="GradientTransformation"/>: one step of it acts on every element of every
/// tensor on its own (given the element's incoming update u, its parameter p and its own moments), once the step's
/// scalars (bias corrections, the scheduled rate, a clipping factor) are known from the state. Transformations with
/// this form run chained in one pass over memory (<see cref="ElementwisePass"/>), for every element type; others run
/// tree by tree (through <see cref="GradientTransformation.Update"/> in double).
/// </summary>
/// <remarks>
/// The step's scalars are computed in double from the double hyper-parameters and rounded to the element type once
/// per step; every per-element operation then runs in the element type (as <c>torch.optim</c> does for float32
/// tensors). For double the rounding is the identity.
/// </remarks>
internal abstract class ElementwiseUpdate
{
    /// <summary>True when a step needs the global norm of its incoming updates (clipping), so it can only come first.</summary>
    public virtual bool NeedsInputNorm => false;

    /// <summary>The state before the first step, for parameters of element type <typeparamref name="T"/>.</summary>
    public abstract OptimizerState Init<T>(Parameters<T> parameters) where T : unmanaged, IFloatingPointIeee754<T>;

    /// <summary>This step of the transformation, from its state.</summary>
    /// <param name="state">The transformation's state before the step (its kind is checked).</param>
    /// <param name="inputNorm">The global norm of the incoming updates, computed only when asked for.</param>
    public ElementwiseStep<T> Begin<T>(OptimizerState state, Func<double> inputNorm) where T : unmanaged, IFloatingPointIeee754<T> =>
        Begin<T>(state, inputNorm, StepArrays.Fresh);

    /// <summary>This step of the transformation, its next moments written into arrays from <paramref name="arrays"/>.</summary>
    /// <param name="state">The transformation's state before the step (its kind and element type are checked).</param>
    /// <param name="inputNorm">The global norm of the incoming updates, computed only when asked for.</param>
    /// <param name="arrays">Where the arrays of the next moments come from.</param>
    public abstract ElementwiseStep<T> Begin<T>(OptimizerState state, Func<double> inputNorm, StepArrays arrays)
        where T : unmanaged, IFloatingPointIeee754<T>;
}

/// <summary>
/// One step of an <see cref="ElementwiseUpdate"/> on elements of type <typeparamref name="T"/>: its scalars fixed,
/// its next moments being written. Every element of every tensor goes through <see cref="Run"/> exactly once (in any
/// order, from any thread, disjoint ranges), then <see cref="Finish"/> gives the next state.
/// </summary>
/// <typeparam name="T">The element type, <see cref="double"/> or <see cref="float"/>.</typeparam>
internal abstract class ElementwiseStep<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>
    /// u ← this transformation's update of u, for the elements [offset, offset + u.Length) of tensor
    /// <paramref name="tensor"/> (2·layer for the weights, 2·layer + 1 for the bias); p holds their parameters.
    /// </summary>
    public abstract void Run(int tensor, int offset, Span<T> u, ReadOnlySpan<T> p, int width);

    /// <summary>
    /// result = p + u for one block of tensor <paramref name="tensor"/>, u this step's update of the gradients
    /// <paramref name="g"/>, with <paramref name="u"/> as room for it: the gradients copied into it, <see cref="Run"/>,
    /// then <see cref="ElementwisePass.Apply{T}"/>. A step may do the same arithmetic in fewer passes over the block.
    /// </summary>
    public virtual void RunApplied(int tensor, int offset, ReadOnlySpan<T> g, ReadOnlySpan<T> p, Span<T> result,
        Span<T> u, int width)
    {
        g.CopyTo(u);
        Run(tensor, offset, u, p, width);
        ElementwisePass.Apply(p, u, result, width);
    }

    /// <summary>
    /// result = p + <paramref name="factor"/>·u in one pass, u this step's update of <paramref name="g"/>, rounded as
    /// <see cref="Run"/>, a scaling step and <see cref="ElementwisePass.Apply{T}"/> one after the other would; false when
    /// this step cannot (the caller then makes the passes one by one).
    /// </summary>
    public virtual bool TryRunScaledApplied(int tensor, int offset, ReadOnlySpan<T> g, ReadOnlySpan<T> p, Span<T> result,
        T factor, int width) => false;

    /// <summary>The transformation's state after the step.</summary>
    public abstract OptimizerState Finish();
}
