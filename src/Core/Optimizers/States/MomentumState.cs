using System.Globalization;
using Functional.NN.Model;

namespace Functional.NN.Optimizers;

/// <summary>The momentum buffer of SGD with momentum (torch <c>momentum_buffer</c>, optax <c>TraceState</c>).</summary>
public sealed record MomentumState : OptimizerState
{
    /// <summary>The stable kind name, <c>"momentum"</c>.</summary>
    public const string KindName = "momentum";

    /// <summary>A state after <paramref name="count"/> updates with buffer <paramref name="buffer"/>.</summary>
    public MomentumState(int count, Gradients buffer)
    {
        Count = RequireCount(count, KindName);
        Buffer = buffer ?? throw new ArgumentNullException(nameof(buffer));
    }

    /// <summary>Updates made so far; at 0 the next gradient becomes the buffer as it is.</summary>
    public int Count { get; }

    /// <summary>The buffer b_t = μ·b_(t-1) + g_t.</summary>
    public Gradients Buffer { get; }

    /// <inheritdoc />
    public override string Kind => KindName;

    private protected override IEnumerable<string> ContentParts() =>
        [Count.ToString(CultureInfo.InvariantCulture), Buffer.ContentHash()];
}
