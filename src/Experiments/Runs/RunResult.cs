namespace Functional.NN.Experiments.Runs;

/// <summary>What a <c>train</c> or <c>resume</c> produced: the directory, how it ended, and its manifest.</summary>
/// <param name="Directory">The run directory.</param>
/// <param name="End">Completed, or interrupted (resumable).</param>
/// <param name="Manifest">The manifest as last written.</param>
/// <param name="Elapsed">Wall-clock time of this process's part of the run.</param>
/// <param name="Warnings">Problems that did not stop the run (a plot that could not be drawn).</param>
internal sealed record RunResult(RunDirectory Directory, RunEnd End, RunManifest Manifest, TimeSpan Elapsed, IReadOnlyList<string> Warnings);
