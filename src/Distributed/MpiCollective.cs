using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Distributed;

/// <summary>
/// <see cref="ICollective"/> over MPI_COMM_WORLD of the system MPI library (<see cref="MpiLibrary"/>): one per
/// process, made once by <see cref="Initialize"/> (MPI_Init) and ended once by <see cref="Dispose"/> (MPI_Finalize).
/// Every operation is called from the thread that initialized MPI. MPI's default error handler ends the whole job on
/// a communication failure (a rank that died), so a collective never returns wrong data; the launcher
/// (<c>mpirun</c>) then stops every rank.
/// </summary>
public sealed unsafe class MpiCollective : ICollective, IDisposable
{
    private readonly MpiLibrary _mpi;
    private bool _finalized;

    private MpiCollective(MpiLibrary mpi, int rank, int size)
    {
        _mpi = mpi;
        Rank = rank;
        Size = size;
    }

    /// <inheritdoc />
    public int Rank { get; }

    /// <inheritdoc />
    public int Size { get; }

    /// <summary>Which MPI this is and the file it came from, e.g. <c>Open MPI (libmpi.so.40)</c>.</summary>
    public string Library => $"{(_mpi.IsOpenMpi ? "Open MPI" : "MPICH")} ({_mpi.Path})";

    /// <summary>
    /// Loads the MPI library (<paramref name="libraryPath"/>, or the first of the usual Open MPI and MPICH names that
    /// loads), calls MPI_Init and reads this process's rank and the world's size. An error naming the packages to
    /// install when no MPI library is found.
    /// </summary>
    public static Fin<MpiCollective> Initialize(string? libraryPath = null) =>
        MpiLibrary.Load(libraryPath).Bind(mpi =>
        {
            int initialized, rank, size;
            if (mpi.Initialized(&initialized) != 0) return Error.New($"{mpi.Path}: MPI_Initialized failed");
            if (initialized == 0 && mpi.Init(null, null) != 0) return Error.New($"{mpi.Path}: MPI_Init failed");
            if (mpi.CommRank(mpi.CommWorld, &rank) != 0 || mpi.CommSize(mpi.CommWorld, &size) != 0)
                return Error.New($"{mpi.Path}: cannot read the rank and size of MPI_COMM_WORLD");
            return Fin<MpiCollective>.Succ(new MpiCollective(mpi, rank, size));
        });

    /// <inheritdoc />
    public void Barrier() => Check(_mpi.Barrier(_mpi.CommWorld), "MPI_Barrier");

    /// <inheritdoc />
    public void Broadcast<T>(Span<T> data, int root) where T : unmanaged
    {
        fixed (T* buffer = data) Check(_mpi.Bcast(buffer, data.Length, _mpi.TypeOf<T>(), root, _mpi.CommWorld), "MPI_Bcast");
    }

    /// <inheritdoc />
    public void Gather<T>(ReadOnlySpan<T> mine, Span<T> all, int root) where T : unmanaged
    {
        if (Rank == root && all.Length < mine.Length * Size)
            throw new ArgumentException($"Gather: {all.Length} elements cannot hold {Size} x {mine.Length}");
        var type = _mpi.TypeOf<T>();
        fixed (T* send = mine)
        fixed (T* receive = all)
            Check(_mpi.Gather(send, mine.Length, type, receive, mine.Length, type, root, _mpi.CommWorld), "MPI_Gather");
    }

    /// <inheritdoc />
    public void AllGather<T>(ReadOnlySpan<T> mine, Span<T> all, ReadOnlySpan<int> counts) where T : unmanaged
    {
        if (counts.Length != Size || counts[Rank] != mine.Length)
            throw new ArgumentException($"AllGather: rank {Rank} of {Size} sends {mine.Length} elements, counts give {counts.Length} ranks");
        var displacements = new int[Size];
        for (var r = 1; r < Size; r++) displacements[r] = displacements[r - 1] + counts[r - 1];
        if (all.Length < displacements[^1] + counts[^1])
            throw new ArgumentException($"AllGather: {all.Length} elements cannot hold {displacements[^1] + counts[^1]}");
        var type = _mpi.TypeOf<T>();
        T dummy = default;
        fixed (T* send = mine)
        fixed (T* receive = all)
        fixed (int* c = counts)
        fixed (int* d = displacements)
            Check(_mpi.Allgatherv(send == null ? &dummy : send, mine.Length, type, receive, c, d, type, _mpi.CommWorld), "MPI_Allgatherv");
    }

    /// <inheritdoc />
    public void AllReduceSum<T>(Span<T> data) where T : unmanaged
    {
        var send = data.ToArray();
        fixed (T* s = send)
        fixed (T* r = data)
            Check(_mpi.Allreduce(s, r, data.Length, _mpi.TypeOf<T>(), _mpi.Sum, _mpi.CommWorld), "MPI_Allreduce");
    }

    /// <summary>Ends every process of the job with <paramref name="exitCode"/> (MPI_Abort): for a rank that cannot go on.</summary>
    public void Abort(int exitCode) => _mpi.Abort(_mpi.CommWorld, exitCode);

    /// <summary>MPI_Finalize, once.</summary>
    public void Dispose()
    {
        if (_finalized) return;
        _finalized = true;
        _mpi.Finalize();
    }

    private void Check(int code, string what)
    {
        if (code != 0) throw new InvalidOperationException($"{what} returned error {code} on rank {Rank} of {Size}");
    }
}
