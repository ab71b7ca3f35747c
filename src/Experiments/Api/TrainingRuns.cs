using Functional.NN.Experiments.Cluster;
using Functional.NN.Experiments.Runs;
using Functional.NN.Experiments.Runs.Progress;
using Functional.NN.Training;
using LanguageExt;

namespace Functional.NN.Experiments;

/// <summary>
/// Trains experiments into run directories and resumes stopped runs, exactly as <c>fnn train</c> and
/// <c>fnn resume</c> do: <c>experiment.json</c>, <c>manifest.json</c>, <c>metrics.csv</c>, checkpoints,
/// <c>model.fnn</c>, <c>best.fnn</c>, <c>loss.png</c> and the <c>COMPLETE</c> marker (README "Experiments").
/// A resumed run ends with the same final model, bit for bit, as the uninterrupted one.
/// </summary>
public static class TrainingRuns
{
    /// <summary>Trains <paramref name="experiment"/> into a new run directory; an error names what failed.</summary>
    /// <param name="experiment">The experiment.</param>
    /// <param name="options">The directory, and the callbacks; <see cref="RunOptions.Default"/> when null.</param>
    public static Fin<RunReport> Train(ExperimentFile experiment, RunOptions? options = null) =>
        Observed(experiment, options ?? RunOptions.Default, new RunCallbacks(options ?? RunOptions.Default));

    /// <summary>Continues the stopped run in <paramref name="directory"/> from its newest good checkpoint.</summary>
    /// <param name="directory">The run directory.</param>
    /// <param name="options">The callbacks (its directory is not used); <see cref="RunOptions.Default"/> when null.</param>
    public static Fin<RunReport> Resume(string directory, RunOptions? options = null) =>
        Observed(directory, options ?? RunOptions.Default, new RunCallbacks(options ?? RunOptions.Default));

    /// <summary><see cref="Train(ExperimentFile, RunOptions?)"/> with progress shown by <paramref name="observer"/> (the fnn tool's display).</summary>
    internal static Fin<RunReport> Observed(ExperimentFile experiment, RunOptions options, IRunObserver observer, RunWorld? world = null) =>
        RunSession.Train(experiment.Experiment, options.Directory, options.Force, observer, Stop(options), world).Map(r => new RunReport(r));

    /// <summary><see cref="Resume(string, RunOptions?)"/> with progress shown by <paramref name="observer"/>.</summary>
    internal static Fin<RunReport> Observed(string directory, RunOptions options, IRunObserver observer, RunWorld? world = null) =>
        RunSession.Resume(directory, observer, Stop(options), world).Map(r => new RunReport(r));

    private static Func<RunPosition, bool> Stop(RunOptions options) =>
        options.Stop is { } stop ? stop : _ => false;
}
