using System.Numerics;

namespace Functional.NN.Compute;

/// <summary>
/// The engine that runs the matrix products of every pass. The default is the managed, vectorised,
/// cache-blocked kernel (<c>managed</c>), whose bits depend only on the inputs and the shapes: not on the thread
/// count, the vector width (AVX-512, AVX2, scalar) or the processor (see <see cref="Multiply"/> and
/// <see cref="BatchReduction"/> for the order of every sum). The system OpenBLAS (<c>libopenblas.so.0</c>) is an
/// explicit opt-in, <c>FNN_BACKEND=openblas</c>: it is fast, but its results differ in the last bits between
/// thread counts (a block of a split product can take another kernel), between OpenBLAS versions and kernels,
/// and from the managed backend's; runs with one thread count on one machine repeat bit for bit.
/// Which backend, and with how many threads, is process configuration read once (as <c>JAX_PLATFORMS</c> or
/// <c>OPENBLAS_NUM_THREADS</c> are): <see cref="BackendVariable"/> = <c>auto</c> (= <c>managed</c>) |
/// <c>managed</c> | <c>openblas</c> and <see cref="ThreadsVariable"/> = N, read the first time <see cref="Current"/>
/// is needed and never again. Threads are this library's own (a small team that spins briefly between products,
/// then sleeps); OpenBLAS itself always runs one-threaded.
/// </summary>
public abstract class ComputeBackend
{
    /// <summary>The environment variable that picks the backend: <c>auto</c> or <c>managed</c> (default), or <c>openblas</c>.</summary>
    public const string BackendVariable = "FNN_BACKEND";

    /// <summary>The environment variable that sets the number of threads for matrix products (default: all processors).</summary>
    public const string ThreadsVariable = "FNN_THREADS";

    private readonly Lazy<WorkerTeam> _team;

    private readonly Lazy<ComputeBackend> _oneThreaded;

    private protected ComputeBackend(int threads)
    {
        Threads = threads;
        _team = new Lazy<WorkerTeam>(() => new WorkerTeam(threads - 1));
        _oneThreaded = new Lazy<ComputeBackend>(() => threads == 1 ? this : WithThreads(1));
    }

    /// <summary>The same engine on one thread: for work that is itself one of several running side by side.</summary>
    internal ComputeBackend OneThreaded => _oneThreaded.Value;

    /// <summary>A backend of the same kind with <paramref name="threads"/> threads.</summary>
    private protected abstract ComputeBackend WithThreads(int threads);

    /// <summary>
    /// The backend of this process, chosen once from <see cref="BackendVariable"/> and <see cref="ThreadsVariable"/>.
    /// Throws <see cref="InvalidOperationException"/> with the reason when the configuration cannot be honoured
    /// (for example <c>FNN_BACKEND=openblas</c> without the library): never a silent fallback.
    /// </summary>
    public static ComputeBackend Current => BackendChoice.Process.Backend ?? throw new InvalidOperationException(BackendChoice.Process.Error);

    /// <summary><c>openblas</c> or <c>managed</c>.</summary>
    public abstract string Name { get; }

    /// <summary>Threads used by large matrix products.</summary>
    public int Threads { get; }

    /// <summary>What runs the products, for reports and run manifests (library version, kernel, vector width).</summary>
    public abstract string Description { get; }

    /// <summary>Products with at most this many multiply-adds take the direct loop, which beats any call overhead.</summary>
    private protected abstract long SmallProductLimit { get; }

    /// <summary>
    /// C[m x n] = op(A) · op(B) in doubles or floats, plus the previous C when <paramref name="accumulate"/>, all row-major and
    /// contiguous. op(A) is <c>[m x k]</c>: A is stored <c>[m x k]</c>, or <c>[k x m]</c> when <paramref name="transposeA"/>.
    /// op(B) is <c>[k x n]</c>: B is stored <c>[k x n]</c>, or <c>[n x k]</c> when <paramref name="transposeB"/>.
    /// When not accumulating, C's previous contents are ignored (it may be uninitialised).
    /// On the managed backend each element is C's previous value (or +0) plus: for a sum over features (A not
    /// transposed), one fused multiply-add chain from +0 per k block of <see cref="PackedGemm.KC"/>, added in
    /// order; for a sum over the batch (A transposed; k counts the rows of the stored A), the chunk chains and
    /// pairwise tree of <see cref="BatchReduction"/>. Tiny products take a direct loop with the same arithmetic.
    /// </summary>
    internal void Multiply<T>(bool transposeA, bool transposeB, int m, int n, int k,
        ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, bool accumulate) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (a.Length < (long)m * k || b.Length < (long)k * n || c.Length < (long)m * n)
            throw new ArgumentException($"Multiply: buffers {a.Length}, {b.Length}, {c.Length} too small for m={m} n={n} k={k}");
        if (m == 0 || n == 0) return;
        if (k == 0)
        {
            if (!accumulate) c[..(m * n)].Clear();
            return;
        }
        if ((long)m * n * k <= SmallProductLimit)
            SmallGemm.Multiply(transposeA, transposeB, m, n, k, a, b, c, accumulate);
        else
            MultiplyLarge(transposeA, transposeB, m, n, k, a, b, c, accumulate);
    }

    /// <summary>
    /// Runs <paramref name="body"/>(0..parts-1) on this backend's threads (at most <see cref="Threads"/> at once)
    /// and returns when every part is done. The parts must not depend on each other's order.
    /// </summary>
    internal void ParallelFor(int parts, Action<int> body)
    {
        if (parts <= 1 || Threads <= 1)
        {
            for (var part = 0; part < parts; part++) body(part);
            return;
        }
        _team.Value.Run(parts, body);
    }

    /// <summary>The product of <see cref="Multiply{T}"/> for problems above <see cref="SmallProductLimit"/>.</summary>
    private protected abstract void MultiplyLarge<T>(bool transposeA, bool transposeB, int m, int n, int k,
        ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, bool accumulate) where T : unmanaged, IFloatingPointIeee754<T>;

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Threads} thread{(Threads == 1 ? "" : "s")}): {Description}";
}
