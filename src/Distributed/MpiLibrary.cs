using System.Runtime.InteropServices;
using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Distributed;

/// <summary>
/// The few functions of the system MPI library this package calls, bound at run time with
/// <see cref="NativeLibrary"/> and called through function pointers (no MPI.NET, whose handles are MS-MPI's).
/// Open MPI (<c>libmpi.so.40</c>) and MPICH (<c>libmpich.so.12</c>) differ in their handles: in Open MPI a
/// communicator, a datatype or an operation is the address of an exported global (<c>ompi_mpi_comm_world</c>,
/// <c>ompi_mpi_double</c>, <c>ompi_mpi_op_sum</c>, ...), in MPICH an integer constant of <c>mpi.h</c>. They are
/// told apart by whether <c>ompi_mpi_comm_world</c> is exported. Handles are passed as pointer-sized integers,
/// which the C calling convention of both libraries reads correctly for MPICH's 32-bit handles too.
/// </summary>
internal sealed unsafe class MpiLibrary
{
    /// <summary>Sonames tried in order when no path is given: Open MPI first, then MPICH.</summary>
    public static IReadOnlyList<string> Candidates { get; } = ["libmpi.so.40", "libmpich.so.12", "libmpi.so.12", "libmpi.so", "libmpich.so"];

    private const int RtldNow = 2;
    private const int RtldGlobal = 0x100;

    private MpiLibrary(string path, nint handle)
    {
        Path = path;
        IsOpenMpi = NativeLibrary.TryGetExport(handle, "ompi_mpi_comm_world", out var world);
        nint Handle(string openMpiGlobal, int mpichConstant) =>
            IsOpenMpi ? NativeLibrary.GetExport(handle, openMpiGlobal) : mpichConstant;
        CommWorld = IsOpenMpi ? world : 0x44000000;
        Double = Handle("ompi_mpi_double", 0x4c00080b);
        Float = Handle("ompi_mpi_float", 0x4c00040a);
        Int = Handle("ompi_mpi_int", 0x4c000405);
        Byte = Handle("ompi_mpi_byte", 0x4c00010d);
        Sum = Handle("ompi_mpi_op_sum", 0x58000003);
        nint F(string name) => NativeLibrary.GetExport(handle, name);
        Init = (delegate* unmanaged<int*, nint*, int>)F("MPI_Init");
        Initialized = (delegate* unmanaged<int*, int>)F("MPI_Initialized");
        Finalize = (delegate* unmanaged<int>)F("MPI_Finalize");
        CommRank = (delegate* unmanaged<nint, int*, int>)F("MPI_Comm_rank");
        CommSize = (delegate* unmanaged<nint, int*, int>)F("MPI_Comm_size");
        Barrier = (delegate* unmanaged<nint, int>)F("MPI_Barrier");
        Bcast = (delegate* unmanaged<void*, int, nint, int, nint, int>)F("MPI_Bcast");
        Gather = (delegate* unmanaged<void*, int, nint, void*, int, nint, int, nint, int>)F("MPI_Gather");
        Allgatherv = (delegate* unmanaged<void*, int, nint, void*, int*, int*, nint, nint, int>)F("MPI_Allgatherv");
        Allreduce = (delegate* unmanaged<void*, void*, int, nint, nint, nint, int>)F("MPI_Allreduce");
        Abort = (delegate* unmanaged<nint, int, int>)F("MPI_Abort");
    }

    /// <summary>The library file loaded.</summary>
    public string Path { get; }

    /// <summary>True for Open MPI (pointer handles), false for MPICH and its derivatives (integer handles).</summary>
    public bool IsOpenMpi { get; }

    /// <summary>MPI_COMM_WORLD.</summary>
    public nint CommWorld { get; }

    /// <summary>MPI_DOUBLE.</summary>
    public nint Double { get; }

    /// <summary>MPI_FLOAT.</summary>
    public nint Float { get; }

    /// <summary>MPI_INT.</summary>
    public nint Int { get; }

    /// <summary>MPI_BYTE.</summary>
    public nint Byte { get; }

    /// <summary>MPI_SUM.</summary>
    public nint Sum { get; }

    /// <summary>int MPI_Init(int *argc, char ***argv).</summary>
    public delegate* unmanaged<int*, nint*, int> Init { get; }

    /// <summary>int MPI_Initialized(int *flag).</summary>
    public delegate* unmanaged<int*, int> Initialized { get; }

    /// <summary>int MPI_Finalize(void).</summary>
    public delegate* unmanaged<int> Finalize { get; }

    /// <summary>int MPI_Comm_rank(MPI_Comm, int *rank).</summary>
    public delegate* unmanaged<nint, int*, int> CommRank { get; }

    /// <summary>int MPI_Comm_size(MPI_Comm, int *size).</summary>
    public delegate* unmanaged<nint, int*, int> CommSize { get; }

    /// <summary>int MPI_Barrier(MPI_Comm).</summary>
    public delegate* unmanaged<nint, int> Barrier { get; }

    /// <summary>int MPI_Bcast(void *buffer, int count, MPI_Datatype, int root, MPI_Comm).</summary>
    public delegate* unmanaged<void*, int, nint, int, nint, int> Bcast { get; }

    /// <summary>int MPI_Gather(const void *send, int sendCount, MPI_Datatype, void *receive, int receiveCount, MPI_Datatype, int root, MPI_Comm).</summary>
    public delegate* unmanaged<void*, int, nint, void*, int, nint, int, nint, int> Gather { get; }

    /// <summary>int MPI_Allgatherv(const void *send, int sendCount, MPI_Datatype, void *receive, const int counts[], const int displacements[], MPI_Datatype, MPI_Comm).</summary>
    public delegate* unmanaged<void*, int, nint, void*, int*, int*, nint, nint, int> Allgatherv { get; }

    /// <summary>int MPI_Allreduce(const void *send, void *receive, int count, MPI_Datatype, MPI_Op, MPI_Comm).</summary>
    public delegate* unmanaged<void*, void*, int, nint, nint, nint, int> Allreduce { get; }

    /// <summary>int MPI_Abort(MPI_Comm, int errorcode).</summary>
    public delegate* unmanaged<nint, int, int> Abort { get; }

    /// <summary>The MPI datatype of <typeparamref name="T"/>.</summary>
    /// <exception cref="NotSupportedException">For a type other than double, float, int and byte.</exception>
    public nint TypeOf<T>() where T : unmanaged =>
        typeof(T) == typeof(double) ? Double
        : typeof(T) == typeof(float) ? Float
        : typeof(T) == typeof(int) ? Int
        : typeof(T) == typeof(byte) ? Byte
        : throw new NotSupportedException($"MPI collectives of {typeof(T).Name}: use double, float, int or byte");

    /// <summary>
    /// Loads <paramref name="path"/>, or the first of <see cref="Candidates"/> that loads, with its symbols global (Open
    /// MPI's plugins resolve against them); an error naming the packages to install when none is found.
    /// </summary>
    public static Fin<MpiLibrary> Load(string? path = null)
    {
        var tried = new List<string>();
        foreach (var candidate in path is null ? Candidates : [path])
        {
            var handle = DlOpen(candidate, RtldNow | RtldGlobal);
            if (handle == 0)
            {
                tried.Add($"{candidate} ({Marshal.PtrToStringUTF8(DlError()) ?? "not found"})");
                continue;
            }
            try
            {
                return new MpiLibrary(candidate, handle);
            }
            catch (EntryPointNotFoundException e)
            {
                tried.Add($"{candidate} (not an MPI library: {e.Message})");
            }
        }
        return Error.New("no MPI library could be loaded (tried " + string.Join("; ", tried) + "). " +
                         "Install Open MPI: apt-get install -y openmpi-bin libopenmpi-dev (or MPICH: apt-get install -y mpich libmpich-dev), " +
                         "or name the library in FNN_MPI_LIBRARY");
    }

    [DllImport("libc.so.6", EntryPoint = "dlopen")]
    private static extern nint DlOpen([MarshalAs(UnmanagedType.LPUTF8Str)] string file, int mode);

    [DllImport("libc.so.6", EntryPoint = "dlerror")]
    private static extern nint DlError();
}
