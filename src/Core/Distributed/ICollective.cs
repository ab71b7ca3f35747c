namespace Functional.NN.Distributed;

/// <summary>
/// The communication of a group of processes (ranks 0 .. <see cref="Size"/> - 1) that run the same program, as MPI
/// defines it: every member calls every collective operation, in the same order, with matching lengths. Element
/// types are <see cref="double"/>, <see cref="float"/>, <see cref="int"/> and <see cref="byte"/>. Two
/// implementations: <see cref="InProcessGroup"/> (ranks on threads of one process, for tests and machines without
/// MPI) and MPI (<c>Functional.NN.Distributed.MpiCollective</c>, Open MPI or MPICH). The data-parallel step
/// (<see cref="DataParallelStep"/>) uses only <see cref="AllGather{T}"/>: it fixes the order of every sum itself.
/// </summary>
public interface ICollective
{
    /// <summary>This member's number, from 0.</summary>
    int Rank { get; }

    /// <summary>How many members the group has.</summary>
    int Size { get; }

    /// <summary>Returns once every member has called it.</summary>
    void Barrier();

    /// <summary><paramref name="data"/> of rank <paramref name="root"/> into <paramref name="data"/> of every member (equal lengths).</summary>
    void Broadcast<T>(Span<T> data, int root) where T : unmanaged;

    /// <summary>
    /// Every member's <paramref name="mine"/> (equal lengths) into <paramref name="all"/> of rank <paramref name="root"/>,
    /// in rank order (Size · mine.Length elements); <paramref name="all"/> is not touched on the other ranks.
    /// </summary>
    void Gather<T>(ReadOnlySpan<T> mine, Span<T> all, int root) where T : unmanaged;

    /// <summary>
    /// Every member's <paramref name="mine"/> into <paramref name="all"/> of every member, in rank order. Rank r
    /// contributes <paramref name="counts"/>[r] elements (every member passes the same counts; its own
    /// <paramref name="mine"/> has its count); <paramref name="all"/> receives Σ counts.
    /// </summary>
    void AllGather<T>(ReadOnlySpan<T> mine, Span<T> all, ReadOnlySpan<int> counts) where T : unmanaged;

    /// <summary>
    /// The element-wise sum of every member's <paramref name="data"/>, into <paramref name="data"/> of every member.
    /// The order of the additions is the implementation's (MPI picks it by message size and rank count), so the
    /// bits may differ between group sizes: the data-parallel step does not use it.
    /// </summary>
    void AllReduceSum<T>(Span<T> data) where T : unmanaged;
}
