using System.Globalization;
using Functional.NN.Model;

namespace Functional.NN.Optimizers;

/// <summary>Adam's step count and moment estimates (optax <c>ScaleByAdamState(count, mu, nu)</c>).</summary>
public sealed record AdamState : OptimizerState
{
    /// <summary>The stable kind name, <c>"adam"</c>.</summary>
    public const string KindName = "adam";

    /// <summary>A state after <paramref name="count"/> updates; both moments must have the same shapes.</summary>
    public AdamState(int count, Gradients mu, Gradients nu)
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
    public Gradients Mu { get; }

    /// <summary>Second moment v_t = β2·v_(t-1) + (1-β2)·g_t².</summary>
    public Gradients Nu { get; }

    /// <inheritdoc />
    public override string Kind => KindName;

    private protected override IEnumerable<string> ContentParts() =>
        [Count.ToString(CultureInfo.InvariantCulture), Mu.ContentHash(), Nu.ContentHash()];
}
