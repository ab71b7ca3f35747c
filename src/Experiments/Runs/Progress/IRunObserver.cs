using Functional.NN.Training;

namespace Functional.NN.Experiments.Runs.Progress;

/// <summary>What a run shows while it trains: the live progress line on a terminal, one line per epoch when the output is redirected, nothing with <c>--quiet</c>.</summary>
internal interface IRunObserver
{
    /// <summary>Training starts (or resumes) at <paramref name="fromStep"/> of <paramref name="totalSteps"/>.</summary>
    void Started(long fromStep, long totalSteps, int totalEpochs);

    /// <summary>An update was made.</summary>
    void Stepped(RunPosition progress);

    /// <summary>An epoch ended with these metrics.</summary>
    void EpochEnded(MetricsRow row);

    /// <summary>An informational message (resuming, skipping a checkpoint).</summary>
    void Note(string message);

    /// <summary>
    /// What the run is doing outside the training steps (loading data, evaluating the test split): a live display
    /// shows it in place until the next update; by default nothing is shown.
    /// </summary>
    void Status(string message) { }

    /// <summary>Training stopped; a live display clears its line.</summary>
    void Stopped();

    /// <summary>
    /// Something the user must hear of even with <c>--quiet</c> (a damaged checkpoint skipped, a manifest
    /// recovered); shown as a note unless the observer says otherwise.
    /// </summary>
    void Warn(string message) => Note($"warning: {message}");
}

/// <summary>
/// Shows nothing while training (<c>--quiet</c>); the summary is printed by the command. Warnings still go to
/// the writer given (standard error), one line each.
/// </summary>
/// <param name="warnings">Where warnings go, or null to drop them.</param>
internal sealed class QuietProgress(TextWriter? warnings = null) : IRunObserver
{
    /// <inheritdoc />
    public void Warn(string message) => warnings?.WriteLine($"fnn: warning: {message}");

    /// <inheritdoc />
    public void Started(long fromStep, long totalSteps, int totalEpochs) { }

    /// <inheritdoc />
    public void Stepped(RunPosition progress) { }

    /// <inheritdoc />
    public void EpochEnded(MetricsRow row) { }

    /// <inheritdoc />
    public void Note(string message) { }

    /// <inheritdoc />
    public void Stopped() { }
}
