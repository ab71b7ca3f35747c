using System.Collections.Immutable;

namespace Functional.NN.Optimizers;

public static partial class Transform
{
    /// <summary>
    /// Applies <paramref name="transformations"/> one after the other (optax <c>chain</c>):
    /// u⁽⁰⁾ = g, u⁽ⁱ⁾ = update_i(u⁽ⁱ⁻¹⁾, s_i, p), u = u⁽ⁿ⁾. Every transformation sees the same parameters p.
    /// The state is a <see cref="ChainState"/> holding each transformation's state in order.
    /// </summary>
    /// <param name="transformations">The transformations, first applied first; none gives the identity.</param>
    public static GradientTransformation Chain(params GradientTransformation[] transformations)
    {
        ArgumentNullException.ThrowIfNull(transformations);
        var parts = transformations.ToImmutableArray();
        for (var i = 0; i < parts.Length; i++)
            if (parts[i] is null) throw new ArgumentException($"chain: transformation {i} is null", nameof(transformations));
        var name = $"chain({string.Join(", ", parts.Select(t => t.Name))})";
        return new GradientTransformation(
            name,
            parameters => new ChainState(parts.Select(t => t.Init(parameters)).ToImmutableArray()),
            (gradients, state, parameters) =>
            {
                var chain = OptimizerState.Expect<ChainState>(state, name, ChainState.KindName);
                if (chain.States.Length != parts.Length)
                    throw new ArgumentException($"{name}: expected {parts.Length} inner states, got {chain.States.Length}", nameof(state));
                var updates = gradients;
                var next = ImmutableArray.CreateBuilder<OptimizerState>(parts.Length);
                for (var i = 0; i < parts.Length; i++)
                {
                    var (u, s) = parts[i].Update(updates, chain.States[i], parameters);
                    updates = u;
                    next.Add(s);
                }
                return (updates, new ChainState(next.MoveToImmutable()));
            });
    }
}
