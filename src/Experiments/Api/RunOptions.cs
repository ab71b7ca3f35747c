using Functional.NN.Training;

namespace Functional.NN.Experiments;

/// <summary>Where a run goes and what it reports while it trains (<see cref="TrainingRuns"/>).</summary>
/// <param name="Directory">The run directory; null for <c>runs/&lt;name&gt;-&lt;seed&gt;</c> under the current directory. Ignored by resume.</param>
/// <param name="Force">Replace a run already in <paramref name="Directory"/> (never anything that is not a run's).</param>
public sealed record RunOptions(string? Directory = null, bool Force = false)
{
    /// <summary>Asked after every update; returning true stops the run at a checkpoint, resumable with <see cref="TrainingRuns.Resume"/>.</summary>
    public Func<RunPosition, bool>? Stop { get; init; }

    /// <summary>Called at the end of every epoch with its metrics.</summary>
    public Action<EpochMetrics>? EpochEnded { get; init; }

    /// <summary>Called with informational messages (resuming from a checkpoint, skipping a damaged one).</summary>
    public Action<string>? Note { get; init; }

    /// <summary>Train into the default directory, report nothing, never stop early.</summary>
    public static RunOptions Default { get; } = new();
}
