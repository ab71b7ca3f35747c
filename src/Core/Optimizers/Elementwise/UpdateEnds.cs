using System.Runtime.CompilerServices;

namespace Functional.NN.Optimizers.Elementwise;

/// <summary>Where an element-wise body puts the update u it computed for a group of elements.</summary>
internal interface IUpdateEnd
{
    /// <summary>Puts <paramref name="u"/>, the update of the elements from <paramref name="index"/> on.</summary>
    void End<TLanes>(TLanes u, int index) where TLanes : struct, ILanes<TLanes>;
}

/// <summary>u is stored as the block's update, for the next step of a chain.</summary>
internal readonly ref struct IntoUpdate(Span<double> u) : IUpdateEnd
{
    private readonly Span<double> _u = u;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void End<TLanes>(TLanes u, int index) where TLanes : struct, ILanes<TLanes> => u.Store(_u, index);
}

/// <summary>
/// p' = p + factor·u is stored: the learning rate's step (<see cref="Transform.Scaled{TL}"/>) and the application
/// of the update (<see cref="ElementwisePass.Applied{TLanes}"/>) in the same pass, with the same roundings.
/// </summary>
internal readonly ref struct ScaledIntoParameters(ReadOnlySpan<double> p, Span<double> result, double factor) : IUpdateEnd
{
    private readonly ReadOnlySpan<double> _p = p;
    private readonly Span<double> _result = result;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void End<TLanes>(TLanes u, int index) where TLanes : struct, ILanes<TLanes> =>
        ElementwisePass.Applied(TLanes.Load(_p, index), Transform.Scaled(factor, u)).Store(_result, index);
}
