using Functional.NN.Experiments.Storage;
using LanguageExt;

namespace Functional.NN.Experiments.Runs;

/// <summary>
/// Reading the manifest of a run to resume when <c>manifest.json</c> is damaged or missing: every save also
/// writes <c>.manifest.json.bak</c> (<see cref="RunManifest.Save"/>), which is tried next; when both are
/// unreadable the manifest is rebuilt from the resolved experiment (the fields a new run starts with), and
/// the resumed run continues from the newest good checkpoint as usual. Lost history (the first start time,
/// earlier resumes) is said to be lost rather than invented.
/// </summary>
internal static class ManifestRecovery
{
    /// <summary>The backup written beside <paramref name="manifestPath"/>.</summary>
    public static string BackupOf(string manifestPath) =>
        Path.Combine(Path.GetDirectoryName(manifestPath) ?? ".", "." + Path.GetFileName(manifestPath) + ".bak");

    /// <summary>
    /// The manifest at <paramref name="path"/>, else its backup, else <paramref name="rebuild"/>'s; each fallback
    /// is reported through <paramref name="note"/> with the reason.
    /// </summary>
    public static RunManifest Load(string path, Func<RunManifest> rebuild, Action<string> note)
    {
        var primary = RunManifest.Load(path);
        if (primary.IsSucc) return primary.ThrowIfFail();
        var why = primary.Match(_ => "", e => e.Message);
        var backup = RunManifest.Load(BackupOf(path));
        if (backup.IsSucc)
        {
            note($"the manifest cannot be used ({Echo.Clip(why)}); using its backup {BackupOf(path)}");
            return backup.ThrowIfFail();
        }
        note($"the manifest and its backup cannot be used ({Echo.Clip(why)}); rebuilding it from experiment.json " +
             "(the start time and earlier resumes are not known)");
        return rebuild();
    }
}
