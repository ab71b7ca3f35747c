using System.Collections.Immutable;
using System.Numerics;
using System.Runtime.InteropServices;
using Functional.NN.Model;
using Functional.NN.Optimizers.Elementwise;

namespace Functional.NN.Optimizers;

public static partial class Transform
{
    /// <summary>
    /// Applies <paramref name="transformations"/> one after the other (optax <c>chain</c>):
    /// u⁽⁰⁾ = g, u⁽ⁱ⁾ = update_i(u⁽ⁱ⁻¹⁾, s_i, p), u = u⁽ⁿ⁾. Every transformation sees the same parameters p.
    /// The state is a <see cref="ChainState"/> holding each transformation's state in order. When every part is
    /// element-wise (clipping only first), a step of the chain is one pass over memory with the same numbers;
    /// otherwise it runs tree by tree, on trees of any element type when every part does.
    /// </summary>
    /// <param name="transformations">The transformations, first applied first; none gives the identity.</param>
    public static GradientTransformation Chain(params GradientTransformation[] transformations)
    {
        ArgumentNullException.ThrowIfNull(transformations);
        var parts = transformations.ToImmutableArray();
        for (var i = 0; i < parts.Length; i++)
            if (parts[i] is null) throw new ArgumentException($"chain: transformation {i} is null", nameof(transformations));
        var name = $"chain({string.Join(", ", parts.Select(t => t.Name))})";
        var fusable = parts.Length > 0 &&
                      parts.All(t => t.Elementwise is not null) &&
                      parts.Skip(1).All(t => !t.Elementwise!.NeedsInputNorm);
        var elementwise = fusable ? new ChainUpdate(name, parts.Select(t => t.Elementwise!).ToImmutableArray()) : null;
        var sequence = !fusable && parts.All(t => t.IsGeneric) ? parts : (ImmutableArray<GradientTransformation>?)null;
        return new GradientTransformation(
            name,
            elementwise is null ? parameters => new ChainState(parts.Select(t => t.Init(parameters)).ToImmutableArray()) : elementwise.Init,
            (gradients, state, parameters) =>
            {
                var chain = ChainStates(state, name, parts.Length);
                var updates = gradients;
                var next = ImmutableArray.CreateBuilder<OptimizerState>(parts.Length);
                for (var i = 0; i < parts.Length; i++)
                {
                    var (u, s) = parts[i].Update(updates, chain.States[i], parameters);
                    updates = u;
                    next.Add(s);
                }
                return (updates, new ChainState(next.MoveToImmutable()));
            },
            elementwise) { Sequence = sequence };
    }

    /// <summary>The state of a chain of <paramref name="parts"/> transformations, checked.</summary>
    internal static ChainState ChainStates(OptimizerState state, string name, int parts)
    {
        var chain = OptimizerState.Expect<ChainState>(state, name, ChainState.KindName);
        if (chain.States.Length != parts)
            throw new ArgumentException($"{name}: expected {parts} inner states, got {chain.States.Length}", nameof(state));
        return chain;
    }

    /// <summary>Every part's per-element rule, one after the other on the same elements.</summary>
    private sealed class ChainUpdate(string name, ImmutableArray<ElementwiseUpdate> parts) : ElementwiseUpdate
    {
        // Made once per chain rather than once per step: the tutorial's tiny step is about a microsecond.
        // Stryker disable once String : never thrown: a chain fuses only when no part after the first needs the input norm, so no later part calls this
        private readonly Func<double> _noNorm = () => throw new InvalidOperationException($"{name}: clipping after another transformation is not element-wise");

        public override bool NeedsInputNorm => parts[0].NeedsInputNorm;

        public override OptimizerState Init<T>(Parameters<T> parameters) =>
            new ChainState([.. parts.Select(part => part.Init(parameters))]);

        public override ElementwiseStep<T> Begin<T>(OptimizerState state, Func<double> inputNorm, StepArrays arrays)
        {
            var chain = ChainStates(state, name, parts.Length);
            var steps = new ElementwiseStep<T>[parts.Length];
            for (var i = 0; i < parts.Length; i++)
                // Stryker disable once Conditional : parts after the first never ask for the input norm (the chain fuses only then), so which function they get changes nothing
                steps[i] = parts[i].Begin<T>(chain.States[i], i == 0 ? inputNorm : _noNorm, arrays);
            return new Step<T>(steps);
        }

        private sealed class Step<T>(ElementwiseStep<T>[] steps) : ElementwiseStep<T> where T : unmanaged, IFloatingPointIeee754<T>
        {
            public override void Run(int tensor, int offset, Span<T> u, ReadOnlySpan<T> p, int width)
            {
                foreach (var step in steps) step.Run(tensor, offset, u, p, width);
            }

            // A transformation followed by the learning rate (Adam, RMSprop, momentum): one pass when the first can end in p + η·u.
            public override void RunApplied(int tensor, int offset, ReadOnlySpan<T> g, ReadOnlySpan<T> p, Span<T> result,
                Span<T> u, int width)
            {
                // Stryker disable once Boolean,Conditional : the one-pass path or the passes one by one give the same bits (tests/Optimizers' fused-step properties); only the speed differs
                if (steps is [var first, LearningRateUpdate.Step<T> rate] && first.TryRunScaledApplied(tensor, offset, g, p, result, rate.Factor, width))
                    return;
                base.RunApplied(tensor, offset, g, p, result, u, width);
            }

            public override OptimizerState Finish()
            {
                var states = new OptimizerState[steps.Length];
                for (var i = 0; i < steps.Length; i++) states[i] = steps[i].Finish();
                return new ChainState(ImmutableCollectionsMarshal.AsImmutableArray(states));
            }
        }
    }
}
