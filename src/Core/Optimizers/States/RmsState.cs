using System.Globalization;
using System.Numerics;
using Functional.NN.Model;

namespace Functional.NN.Optimizers;

/// <summary>RMSprop's step count and running mean of squared gradients (torch <c>square_avg</c>, optax <c>ScaleByRmsState</c>).</summary>
/// <typeparam name="T">The element type of the moments, <see cref="double"/> or <see cref="float"/>.</typeparam>
public sealed record RmsState<T> : OptimizerState where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The stable kind name, <c>"rms"</c>.</summary>
    public const string KindName = "rms";

    /// <summary>A state after <paramref name="count"/> updates with mean square <paramref name="nu"/>.</summary>
    public RmsState(int count, Gradients<T> nu)
    {
        Count = RequireCount(count, KindName);
        Nu = nu ?? throw new ArgumentNullException(nameof(nu));
    }

    /// <summary>Updates made so far (kept like torch's <c>step</c>; the update itself does not use it).</summary>
    public int Count { get; }

    /// <summary>The running mean square v_t = α·v_(t-1) + (1-α)·g_t².</summary>
    public Gradients<T> Nu { get; }

    /// <inheritdoc />
    public override string Kind => KindName;

    private protected override IEnumerable<string> ContentParts() =>
        [Count.ToString(CultureInfo.InvariantCulture), Nu.ContentHash()];
}
