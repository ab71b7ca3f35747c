using Functional.NN.Experiments.ExperimentFiles;
using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Experiments.Runs;

/// <summary>
/// The files of one run (README "Experiments"): <c>experiment.json</c>, <c>manifest.json</c>,
/// <c>metrics.csv</c>, <c>model.fnn</c> and <c>best.fnn</c> (each carrying the input standardizer when the
/// features are standardized), <c>loss.png</c>, <c>checkpoints/</c>, and the <c>COMPLETE</c> marker, written
/// last, so that a directory never looks complete when it is not.
/// </summary>
/// <param name="Path">The directory.</param>
internal sealed record RunDirectory(string Path)
{
    /// <summary>The resolved experiment.</summary>
    public string ExperimentFile => File("experiment.json");

    /// <summary>Provenance and status.</summary>
    public string ManifestFile => File("manifest.json");

    /// <summary>One row per epoch.</summary>
    public string MetricsFile => File("metrics.csv");

    /// <summary>The final model.</summary>
    public string ModelFile => File("model.fnn");

    /// <summary>The model of the best epoch by validation loss.</summary>
    public string BestModelFile => File("best.fnn");

    /// <summary>The loss curves.</summary>
    public string PlotFile => File("loss.png");

    /// <summary>The marker written last, when everything else is in place.</summary>
    public string CompleteMarker => File("COMPLETE");

    /// <summary>The checkpoint folder.</summary>
    public string CheckpointFolder => File("checkpoints");

    /// <summary>True when the run finished and every output was written.</summary>
    public bool IsComplete => System.IO.File.Exists(CompleteMarker);

    /// <summary>The default directory of an experiment: <c>runs/&lt;name&gt;-&lt;seed&gt;</c>.</summary>
    public static string DefaultPath(Experiment experiment) => System.IO.Path.Combine("runs", $"{experiment.Name}-{experiment.Seed}");

    /// <summary>
    /// Makes the directory ready for a new run. An existing directory is refused when it holds a complete or
    /// an unfinished run (unless <paramref name="force"/>, which removes the run's files, the marker first) or
    /// when it holds anything that is not a run's (always: nothing of the user's is ever deleted).
    /// </summary>
    public Fin<Unit> PrepareNew(bool force)
    {
        try
        {
            if (!Directory.Exists(Path))
            {
                Directory.CreateDirectory(Path);
                return Prelude.unit;
            }
            var entries = Directory.EnumerateFileSystemEntries(Path).Select(System.IO.Path.GetFileName)
                .Where(e => !IsBookkeeping(e ?? "")).ToList();
            if (entries.Count == 0)
            {
                StrayTemporaries.Remove(this);
                return Prelude.unit;
            }
            if (ForeignProblem(lockFileCounts: false) is { } notARun) return Error.New(notARun);
            if (!force)
                return Error.New(IsComplete
                    ? $"{Path} already holds a completed run; pass --force to replace it, or choose another directory with --out"
                    : RunManifest.Load(ManifestFile).Match(m => DivergedProblem(Path, m), _ => null) is { } diverged
                        ? $"{diverged}; or choose another directory with --out"
                        : $"{Path} holds an unfinished run; continue it with 'fnn resume {Path}', or pass --force to start again");
            var foreign = entries.Where(e => !OwnedNames.Contains(e) && !(e ?? "").StartsWith('.')).ToList();
            if (foreign.Count > 0)
                return Error.New($"{Path} holds files that are not a run's ({string.Join(", ", foreign)}); refusing to replace it even with --force");
            System.IO.File.Delete(CompleteMarker);
            foreach (var name in OwnedNames.Where(n => n != "checkpoints")) System.IO.File.Delete(File(name));
            if (Directory.Exists(CheckpointFolder)) Directory.Delete(CheckpointFolder, recursive: true);
            System.IO.File.Delete(ManifestRecovery.BackupOf(ManifestFile));
            StrayTemporaries.Remove(this);
            return Prelude.unit;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Error.New($"{Path}: cannot prepare the run directory: {Storage.FileProblem.Describe(e)}");
        }
    }

    /// <summary>
    /// Why a new run must not go into <see cref="Path"/> (it exists, is not empty and holds no run), or null;
    /// checked before the directory is locked too, so that no lock file is left in a directory of the user's.
    /// </summary>
    /// <param name="lockFileCounts">
    /// True before locking: a <c>.lock</c> file marks the directory as one that another fnn process is setting up
    /// (whose lock then decides); false under the lock, where only the run's own files count.
    /// </param>
    public string? ForeignProblem(bool lockFileCounts = true)
    {
        if (!Directory.Exists(Path)) return System.IO.File.Exists(Path) ? $"{Path} is a file, not a directory; choose another --out" : null;
        bool empty;
        try
        {
            empty = !Directory.EnumerateFileSystemEntries(Path).Any(e => !IsBookkeeping(System.IO.Path.GetFileName(e)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"{Path}: cannot list the directory: {Storage.FileProblem.Describe(e)}";
        }
        var locked = lockFileCounts && System.IO.File.Exists(System.IO.Path.Combine(Path, Storage.RunLock.LockName));
        return empty || locked || System.IO.File.Exists(ManifestFile) || System.IO.File.Exists(ExperimentFile)
            ? null
            : $"{Path} exists and is not a run directory (no manifest.json or experiment.json); refusing to write into it";
    }

    /// <summary>The lock, its holder, the manifest's backup and stray temporaries: files of fnn's that are not a run's outputs.</summary>
    private static bool IsBookkeeping(string name) =>
        name is Storage.RunLock.LockName or Storage.RunLock.HolderName or ".manifest.json.bak" || StrayTemporaries.IsTemporary(name);

    /// <summary>
    /// For a run whose manifest records that training diverged: why resuming it is pointless (training is
    /// deterministic, so it would diverge again at the same step) and what to do instead; otherwise null.
    /// </summary>
    public static string? DivergedProblem(string path, RunManifest manifest) =>
        manifest.Status == RunManifest.Failed && manifest.Error is { } error && error.StartsWith("training diverged", StringComparison.Ordinal)
            ? $"{path} holds a run that diverged ({Storage.Echo.Clip(error, 160)}); resuming would diverge again at the same step, " +
              "because training is deterministic; change the experiment (a smaller learning rate, clip_global_norm) and start again with --force"
            : null;

    /// <summary>The names a run writes; <c>standardizer.json</c> was written by earlier versions (the model files now carry the standardizer).</summary>
    private static IReadOnlyList<string> OwnedNames { get; } =
    [
        "COMPLETE", "experiment.json", "manifest.json", "metrics.csv", "model.fnn", "best.fnn", "loss.png", "standardizer.json", "checkpoints",
    ];

    private string File(string name) => System.IO.Path.Combine(Path, name);
}
