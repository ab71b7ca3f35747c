using System.Security.Cryptography;
using System.Text;

namespace Functional.NN.Optimizers;

/// <summary>
/// The state an optimizer carries from one update to the next (step counts and moment trees), as plain,
/// immutable data. Every concrete state has a stable <see cref="Kind"/> name, so that it can be written to
/// a checkpoint and read back exactly; a <see cref="ChainState"/> holds one state per chained transformation.
/// </summary>
public abstract record OptimizerState
{
    /// <summary>The stable name of this kind of state (<c>"adam"</c>, <c>"chain"</c>, ...), for serialization.</summary>
    public abstract string Kind { get; }

    /// <summary>
    /// SHA-256 over the kind, the counts and the content hashes of the trees (children in order for a chain),
    /// in lower-case hex: equal states have equal hashes on every machine.
    /// </summary>
    public string ContentHash()
    {
        var text = string.Join("\n", ContentParts().Prepend(Kind));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>The numbers of the state as canonical text parts (counts as invariant integers, trees as content hashes).</summary>
    private protected abstract IEnumerable<string> ContentParts();

    /// <summary>
    /// The state as <typeparamref name="TState"/>, or an error naming the transformation and both kinds (and both
    /// element types, when the kind is right but its moments hold other elements than the parameters).
    /// </summary>
    internal static TState Expect<TState>(OptimizerState state, string transformation, string expectedKind)
        where TState : OptimizerState =>
        state as TState ?? throw new ArgumentException(
            state?.Kind == expectedKind
                ? $"{transformation}: expected a '{expectedKind}' state of {ElementOf(typeof(TState))} moments, got one of {ElementOf(state.GetType())}"
                : $"{transformation}: expected a '{expectedKind}' state, got '{state?.Kind ?? "null"}'", nameof(state));

    /// <summary>The element type a generic state holds (its first type argument), by name.</summary>
    private static string ElementOf(Type state) => state.IsGenericType ? state.GetGenericArguments()[0].Name : state.Name;

    /// <summary>A step count, checked to be non-negative.</summary>
    internal static int RequireCount(int count, string kind) =>
        count >= 0 ? count : throw new ArgumentOutOfRangeException(nameof(count), count, $"{kind} state: the step count must be >= 0");
}
