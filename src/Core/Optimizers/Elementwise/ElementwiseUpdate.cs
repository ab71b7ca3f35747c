namespace Functional.NN.Optimizers.Elementwise;

/// <summary>
/// The element-wise form of a <see cref="GradientTransformation"/>: one step of it acts on every element of every
/// tensor on its own (given the element's incoming update u, its parameter p and its own moments), once the step's
/// scalars (bias corrections, the scheduled rate, a clipping factor) are known from the state. Transformations with
/// this form run chained in one pass over memory (<see cref="ElementwisePass"/>); others are opaque and run tree by
/// tree through <see cref="GradientTransformation.Update"/>.
/// </summary>
internal abstract class ElementwiseUpdate
{
    /// <summary>True when a step needs the global norm of its incoming updates (clipping), so it can only come first.</summary>
    public virtual bool NeedsInputNorm => false;

    /// <summary>This step of the transformation, from its state.</summary>
    /// <param name="state">The transformation's state before the step (its kind is checked).</param>
    /// <param name="inputNorm">The global norm of the incoming updates, computed only when asked for.</param>
    public ElementwiseStep Begin(OptimizerState state, Func<double> inputNorm) => Begin(state, inputNorm, StepArrays.Fresh);

    /// <summary>This step of the transformation, its next moments written into arrays from <paramref name="arrays"/>.</summary>
    /// <param name="state">The transformation's state before the step (its kind is checked).</param>
    /// <param name="inputNorm">The global norm of the incoming updates, computed only when asked for.</param>
    /// <param name="arrays">Where the arrays of the next moments come from.</param>
    public abstract ElementwiseStep Begin(OptimizerState state, Func<double> inputNorm, StepArrays arrays);
}

/// <summary>
/// One step of an <see cref="ElementwiseUpdate"/>: its scalars fixed, its next moments being written. Every element of
/// every tensor goes through <see cref="Run"/> exactly once (in any order, from any thread, disjoint ranges), then
/// <see cref="Finish"/> gives the next state.
/// </summary>
internal abstract class ElementwiseStep
{
    /// <summary>
    /// u ← this transformation's update of u, for the elements [offset, offset + u.Length) of tensor
    /// <paramref name="tensor"/> (2·layer for the weights, 2·layer + 1 for the bias); p holds their parameters.
    /// </summary>
    public abstract void Run(int tensor, int offset, Span<double> u, ReadOnlySpan<double> p, int width);

    /// <summary>
    /// result = p + u for one block of tensor <paramref name="tensor"/>, u this step's update of the gradients
    /// <paramref name="g"/>, with <paramref name="u"/> as room for it: the gradients copied into it, <see cref="Run"/>,
    /// then <see cref="ElementwisePass.Apply"/>. A step may do the same arithmetic in fewer passes over the block.
    /// </summary>
    public virtual void RunApplied(int tensor, int offset, ReadOnlySpan<double> g, ReadOnlySpan<double> p, Span<double> result,
        Span<double> u, int width)
    {
        g.CopyTo(u);
        Run(tensor, offset, u, p, width);
        ElementwisePass.Apply(p, u, result, width);
    }

    /// <summary>
    /// result = p + <paramref name="factor"/>·u in one pass, u this step's update of <paramref name="g"/>, rounded as
    /// <see cref="Run"/>, a scaling step and <see cref="ElementwisePass.Apply"/> one after the other would; false when
    /// this step cannot (the caller then makes the passes one by one).
    /// </summary>
    public virtual bool TryRunScaledApplied(int tensor, int offset, ReadOnlySpan<double> g, ReadOnlySpan<double> p, Span<double> result,
        double factor, int width) => false;

    /// <summary>The transformation's state after the step.</summary>
    public abstract OptimizerState Finish();
}
