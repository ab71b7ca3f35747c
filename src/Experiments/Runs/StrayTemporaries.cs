using System.Text.RegularExpressions;

namespace Functional.NN.Experiments.Runs;

/// <summary>
/// The temporaries an atomic write (<see cref="Storage.AtomicFile"/>) leaves when the process dies between
/// creating and renaming them: <c>.metrics.csv.&lt;guid&gt;.tmp</c>, <c>.loss.png.&lt;guid&gt;.tmp</c>,
/// <c>.model.fnn.&lt;guid&gt;.tmp</c>, <c>.manifest.json.&lt;guid&gt;.tmp</c> and the like in the run directory,
/// <c>.step-….ckpt.&lt;guid&gt;.tmp</c> in <c>checkpoints/</c>. <c>resume</c> and <c>train --force</c> remove them
/// while they hold the run's lock, so no live writer's temporary is ever removed. Only names of exactly that
/// shape are touched.
/// </summary>
internal static partial class StrayTemporaries
{
    /// <summary>Removes the stray temporaries of <paramref name="directory"/>; returns the names removed.</summary>
    public static IReadOnlyList<string> Remove(RunDirectory directory)
    {
        var removed = new List<string>();
        foreach (var folder in new[] { directory.Path, directory.CheckpointFolder })
        {
            if (!Directory.Exists(folder)) continue;
            foreach (var file in Directory.EnumerateFiles(folder, ".*.tmp"))
            {
                if (!Pattern().IsMatch(Path.GetFileName(file))) continue;
                try
                {
                    File.Delete(file);
                    removed.Add(Path.GetRelativePath(directory.Path, file));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Left in place: a temporary is never read as a run's file.
                }
            }
        }
        return removed;
    }

    /// <summary>True when <paramref name="name"/> has the shape of an atomic write's temporary.</summary>
    public static bool IsTemporary(string name) => Pattern().IsMatch(name);

    [GeneratedRegex("^\\..+\\.[0-9a-f]{32}\\.tmp$")]
    private static partial Regex Pattern();
}
