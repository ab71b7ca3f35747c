using System.Globalization;

namespace Functional.NN.Optimizers;

/// <summary>The number of updates made so far, as kept by a learning-rate schedule (optax <c>ScaleByScheduleState</c>).</summary>
public sealed record CountState : OptimizerState
{
    /// <summary>The stable kind name, <c>"count"</c>.</summary>
    public const string KindName = "count";

    /// <summary>A state after <paramref name="count"/> updates.</summary>
    public CountState(int count) => Count = RequireCount(count, KindName);

    /// <summary>Updates made so far (0 before the first).</summary>
    public int Count { get; }

    /// <inheritdoc />
    public override string Kind => KindName;

    private protected override IEnumerable<string> ContentParts() => [Count.ToString(CultureInfo.InvariantCulture)];
}
