using System.Numerics;
using System.Runtime.CompilerServices;

namespace Functional.NN.Optimizers.Elementwise;

/// <summary>Where an element-wise body puts the update u it computed for a group of elements.</summary>
internal interface IUpdateEnd<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Puts <paramref name="u"/>, the update of the elements from <paramref name="index"/> on.</summary>
    void End<TLanes>(TLanes u, int index) where TLanes : struct, ILanes<TLanes, T>;
}

/// <summary>u is stored as the block's update, for the next step of a chain.</summary>
internal readonly ref struct IntoUpdate<T>(Span<T> u) : IUpdateEnd<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Span<T> _u = u;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void End<TLanes>(TLanes u, int index) where TLanes : struct, ILanes<TLanes, T> => u.Store(_u, index);
}

/// <summary>
/// p' = p + factor·u is stored: the learning rate's step (<see cref="Transform.Scaled{TL, T}"/>) and the application
/// of the update (<see cref="ElementwisePass.Applied{TLanes, T}"/>) in the same pass, with the same roundings.
/// </summary>
internal readonly ref struct ScaledIntoParameters<T>(ReadOnlySpan<T> p, Span<T> result, T factor) : IUpdateEnd<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly ReadOnlySpan<T> _p = p;
    private readonly Span<T> _result = result;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void End<TLanes>(TLanes u, int index) where TLanes : struct, ILanes<TLanes, T> =>
        ElementwisePass.Applied<TLanes, T>(TLanes.Load(_p, index), Transform.Scaled<TLanes, T>(factor, u)).Store(_result, index);
}
