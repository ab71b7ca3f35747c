using System.Globalization;
using System.Numerics;
using Functional.NN.Model;

namespace Functional.NN.Optimizers;

/// <summary>The momentum buffer of SGD with momentum (torch <c>momentum_buffer</c>, optax <c>TraceState</c>).</summary>
/// <typeparam name="T">The element type of the moments, <see cref="double"/> or <see cref="float"/>.</typeparam>
public sealed record MomentumState<T> : OptimizerState where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The stable kind name, <c>"momentum"</c>.</summary>
    public const string KindName = "momentum";

    /// <summary>A state after <paramref name="count"/> updates with buffer <paramref name="buffer"/>.</summary>
    public MomentumState(int count, Gradients<T> buffer)
    {
        Count = RequireCount(count, KindName);
        Buffer = buffer ?? throw new ArgumentNullException(nameof(buffer));
    }

    /// <summary>Updates made so far; at 0 the next gradient becomes the buffer as it is.</summary>
    public int Count { get; }

    /// <summary>The buffer b_t = μ·b_(t-1) + g_t.</summary>
    public Gradients<T> Buffer { get; }

    /// <inheritdoc />
    public override string Kind => KindName;

    private protected override IEnumerable<string> ContentParts() =>
        [Count.ToString(CultureInfo.InvariantCulture), Buffer.ContentHash()];
}
