using System.Globalization;

namespace Functional.NN.Distributed;

/// <summary>
/// Whether this process was started by an MPI launcher, read from the variables the launchers set: Open MPI's
/// <c>mpirun</c> (<c>OMPI_COMM_WORLD_SIZE</c>, <c>OMPI_COMM_WORLD_RANK</c>), MPICH's Hydra and Slurm's PMI
/// (<c>PMI_SIZE</c>, <c>PMI_RANK</c>), Slurm's <c>srun --mpi=pmix</c> (<c>PMIX_RANK</c>, the size from
/// <c>SLURM_NTASKS</c>, or 1 when it is not said: MPI itself tells the real size once initialized).
/// A pure function of the variables given: the caller (the shell) reads the environment.
/// </summary>
/// <param name="Size">The world size the launcher announced.</param>
/// <param name="Rank">This process's rank, when the launcher said.</param>
/// <param name="Launcher">The variable the size came from.</param>
public sealed record MpiLaunch(int Size, int? Rank, string Launcher)
{
    /// <summary>The variable naming the MPI library to load instead of the usual names.</summary>
    public const string LibraryVariable = "FNN_MPI_LIBRARY";

    /// <summary>The launch described by <paramref name="variable"/> (a lookup such as <see cref="Environment.GetEnvironmentVariable(string)"/>), or null when there is none.</summary>
    public static MpiLaunch? Detect(Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        foreach (var (size, rank) in new[] { ("OMPI_COMM_WORLD_SIZE", "OMPI_COMM_WORLD_RANK"), ("PMI_SIZE", "PMI_RANK") })
            if (Number(variable(size)) is { } n and >= 1)
                return new MpiLaunch(n, Number(variable(rank)), size);
        return Number(variable("PMIX_RANK")) is { } pmixRank
            ? new MpiLaunch(Number(variable("SLURM_NTASKS")) is { } tasks and >= 1 ? tasks : 1, pmixRank, "PMIX_RANK")
            : null;
    }

    private static int? Number(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}
