namespace Functional.NN.Optimizers;

/// <summary>The state of a stateless transformation (identity, clipping, weight decay).</summary>
public sealed record EmptyState : OptimizerState
{
    /// <summary>The stable kind name, <c>"empty"</c>.</summary>
    public const string KindName = "empty";

    /// <summary>The one empty state.</summary>
    public static EmptyState Instance { get; } = new();

    /// <inheritdoc />
    public override string Kind => KindName;

    private protected override IEnumerable<string> ContentParts() => [];
}
