namespace Functional.NN.Compute;

/// <summary>
/// The outcome of reading the backend configuration: a backend, or the reason there is none. The process's
/// choice is made once, in the static constructor, from <see cref="ComputeBackend.BackendVariable"/> and
/// <see cref="ComputeBackend.ThreadsVariable"/>, and is immutable afterwards.
/// </summary>
internal sealed class BackendChoice
{
    private BackendChoice(ComputeBackend? backend, string error)
    {
        Backend = backend;
        Error = error;
    }

    /// <summary>The chosen backend, or null when the configuration could not be honoured.</summary>
    public ComputeBackend? Backend { get; }

    /// <summary>Why there is no backend (empty when there is one).</summary>
    public string Error { get; }

    /// <summary>This process's choice, made once from the environment.</summary>
    public static BackendChoice Process { get; }

    // An explicit static constructor: the environment is read when the backend is first needed, never earlier
    // (so a shell can set the variables first), and exactly once.
    static BackendChoice() => Process = FromSettings(
        Environment.GetEnvironmentVariable(ComputeBackend.BackendVariable),
        Environment.GetEnvironmentVariable(ComputeBackend.ThreadsVariable));

    /// <summary>The choice for given values of the two variables (null or empty: the default).</summary>
    public static BackendChoice FromSettings(string? backend, string? threads) =>
        FromSettings(backend, threads, OpenBlasLibrary.TryLoad);

    /// <summary>A library loader: the library, or false with the reason.</summary>
    public delegate bool LibraryLoader(out OpenBlasLibrary library, out string error);

    /// <summary>The choice with a given way of loading OpenBLAS (tests pass one that fails).</summary>
    public static BackendChoice FromSettings(string? backend, string? threads, LibraryLoader loadOpenBlas)
    {
        var kind = string.IsNullOrWhiteSpace(backend) ? "auto" : backend.Trim().ToLowerInvariant();
        int count;
        if (string.IsNullOrWhiteSpace(threads)) count = Environment.ProcessorCount;
        else if (!int.TryParse(threads.Trim(), out count) || count < 1)
            return Failed($"{ComputeBackend.ThreadsVariable}='{threads}' is not a positive whole number of threads");
        switch (kind)
        {
            case "auto":
            case "managed":
                return new BackendChoice(Managed(count), "");
            case "openblas":
                return loadOpenBlas(out var library, out var why)
                    ? new BackendChoice(new OpenBlasBackend(library, count), "")
                    : Failed($"{ComputeBackend.BackendVariable}=openblas, but {why}. Install it (Debian: apt-get install libopenblas0-pthread) or unset {ComputeBackend.BackendVariable} for the managed backend");
            default:
                return Failed($"{ComputeBackend.BackendVariable}='{backend}' is not one of auto, openblas, managed");
        }
    }

    /// <summary>A managed backend with <paramref name="threads"/> threads (for tests that compare backends).</summary>
    public static ComputeBackend Managed(int threads) => new ManagedBackend(threads, KernelWidths.Best);

    /// <summary>A managed backend at a given vector width (for tests that compare widths in one process).</summary>
    public static ComputeBackend Managed(int threads, KernelWidth width) => new ManagedBackend(threads, width);

    /// <summary>An OpenBLAS backend, or null when the library is not installed (for tests that compare backends).</summary>
    public static ComputeBackend? OpenBlas(int threads) =>
        OpenBlasLibrary.TryLoad(out var library, out _) ? new OpenBlasBackend(library, threads) : null;

    private static BackendChoice Failed(string error) => new(null, error);
}
