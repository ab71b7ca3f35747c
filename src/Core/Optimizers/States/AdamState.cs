using System.Globalization;
using System.Numerics;
using Functional.NN.Model;

namespace Functional.NN.Optimizers;

/// <summary>Adam's step count and moment estimates (optax <c>ScaleByAdamState(count, mu, nu)</c>).</summary>
/// <typeparam name="T">The element type of the moments, <see cref="double"/> or <see cref="float"/>.</typeparam>
public sealed record AdamState<T> : OptimizerState where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The stable kind name, <c>"adam"</c>.</summary>
    public const string KindName = "adam";

    /// <summary>A state after <paramref name="count"/> updates; both moments must have the same shapes.</summary>
    public AdamState(int count, Gradients<T> mu, Gradients<T> nu)
    {
        Count = RequireCount(count, KindName);
        Mu = mu ?? throw new ArgumentNullException(nameof(mu));
        Nu = nu ?? throw new ArgumentNullException(nameof(nu));
        if (!mu.SameStructure(nu))
            throw new ArgumentException($"adam state: moments differ in shape, mu {mu.Describe()} and nu {nu.Describe()}", nameof(nu));
    }

    /// <summary>Updates made so far (t - 1 during update t).</summary>
    public int Count { get; }

    /// <summary>First moment m_t = β1·m_(t-1) + (1-β1)·g_t.</summary>
    public Gradients<T> Mu { get; }

    /// <summary>Second moment v_t = β2·v_(t-1) + (1-β2)·g_t².</summary>
    public Gradients<T> Nu { get; }

    /// <inheritdoc />
    public override string Kind => KindName;

    private protected override IEnumerable<string> ContentParts() =>
        [Count.ToString(CultureInfo.InvariantCulture), Mu.ContentHash(), Nu.ContentHash()];
}
