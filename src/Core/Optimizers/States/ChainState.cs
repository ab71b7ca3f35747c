using System.Collections.Immutable;

namespace Functional.NN.Optimizers;

/// <summary>The states of chained transformations, one per transformation and in the same order.</summary>
public sealed record ChainState : OptimizerState
{
    /// <summary>The stable kind name, <c>"chain"</c>.</summary>
    public const string KindName = "chain";

    /// <summary>A chain state holding <paramref name="states"/> in order.</summary>
    public ChainState(ImmutableArray<OptimizerState> states)
    {
        if (states.IsDefault) throw new ArgumentNullException(nameof(states));
        for (var i = 0; i < states.Length; i++)
            if (states[i] is null) throw new ArgumentException($"chain state: element {i} is null", nameof(states));
        States = states;
    }

    /// <summary>One state per chained transformation.</summary>
    public ImmutableArray<OptimizerState> States { get; }

    /// <inheritdoc />
    public override string Kind => KindName;

    /// <summary>Equal when the inner states are equal, in order.</summary>
    public bool Equals(ChainState? other) => other is not null && States.SequenceEqual(other.States);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var state in States) hash.Add(state);
        return hash.ToHashCode();
    }

    private protected override IEnumerable<string> ContentParts() => States.Select(s => s.ContentHash());
}
