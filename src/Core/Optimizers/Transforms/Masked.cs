using System.Buffers;
using System.Collections.Immutable;
using Functional.NN.Model;
using Functional.NN.Optimizers.Elementwise;

namespace Functional.NN.Optimizers;

public static partial class Transform
{
    /// <summary>
    /// Applies <paramref name="inner"/> only to the tensors the mask selects (optax <c>masked</c>):
    /// <code>
    /// u = inner(g)   where mask is true
    /// u = g          where mask is false (passed through unchanged)
    /// </code>
    /// The state is the inner transformation's state, updated on the whole tree (moments of unselected tensors
    /// evolve but are never used). <c>Masked(SetToZero(), ParameterMask.Biases(network))</c> first in a chain
    /// freezes the biases.
    /// </summary>
    /// <param name="inner">The transformation for the selected tensors.</param>
    /// <param name="mask">Which weights and biases it applies to; must have one entry per layer.</param>
    public static GradientTransformation Masked(GradientTransformation inner, ParameterMask mask)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(mask);
        var name = $"masked({inner.Name}, mask={mask})";
        var fusable = inner.Elementwise is { NeedsInputNorm: false };
        var elementwise = fusable ? new MaskedUpdate(name, inner.Elementwise!, mask) : null;
        return new GradientTransformation(
            name,
            inner.Init,
            (gradients, state, parameters) =>
            {
                mask.RequireFits(gradients, name);
                var (updates, next) = inner.Update(gradients, state, parameters);
                var layers = gradients.Layers.Select((g, l) => new LayerTensors(
                    mask.Layers[l].Weights ? updates[l].Weights : g.Weights,
                    mask.Layers[l].Bias ? updates[l].Bias : g.Bias));
                return (new Gradients(layers.ToImmutableArray()), next);
            },
            elementwise);
    }

    /// <summary>Freezes the selected tensors: <c>Masked(SetToZero(), mask)</c> (optax's idiom for frozen parameters).</summary>
    /// <param name="mask">The weights and biases that keep their values.</param>
    public static GradientTransformation Freeze(ParameterMask mask) => Masked(SetToZero(), mask);

    private sealed class MaskedUpdate(string name, ElementwiseUpdate inner, ParameterMask mask) : ElementwiseUpdate
    {
        public override OptimizerState Init<T>(Parameters<T> parameters) => inner.Init(parameters);

        public override ElementwiseStep<T> Begin<T>(OptimizerState state, Func<double> inputNorm, StepArrays arrays) =>
            new Step<T>(name, inner.Begin<T>(state, inputNorm, arrays), mask);

        private sealed class Step<T>(string name, ElementwiseStep<T> inner, ParameterMask mask) : ElementwiseStep<T>
            where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
        {
            private const int StackLength = 512;

            // The stack copy is written whole before it is read: no need to zero it.
            [System.Runtime.CompilerServices.SkipLocalsInit]
            public override void Run(int tensor, int offset, Span<T> u, ReadOnlySpan<T> p, int width)
            {
                if (tensor / 2 >= mask.Layers.Length)
                    throw new ArgumentException($"{name}: the mask has {mask.Layers.Length} layers, the tree has more");
                if (mask.Selects(tensor))
                {
                    inner.Run(tensor, offset, u, p, width);
                    return;
                }
                // Not selected: u passes through; the inner step still sees it, so its moments move as on the tree.
                // The fused pass hands out blocks of at most 512 elements: those fit on the stack (cheaper than the pool).
                // Stryker disable once Equality,Boolean : a stack copy or a pooled copy of u holds the same numbers; the length only chooses where the copy lives
                if (u.Length <= StackLength)
                {
                    Span<T> copy = stackalloc T[u.Length];
                    u.CopyTo(copy);
                    inner.Run(tensor, offset, copy, p, width);
                    return;
                }
                var rented = ArrayPool<T>.Shared.Rent(u.Length);
                try
                {
                    var copy = rented.AsSpan(0, u.Length);
                    u.CopyTo(copy);
                    inner.Run(tensor, offset, copy, p, width);
                }
                finally
                {
                    ArrayPool<T>.Shared.Return(rented);
                }
            }

            public override OptimizerState Finish() => inner.Finish();
        }
    }
}
