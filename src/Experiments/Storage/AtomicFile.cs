using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Experiments.Storage;

/// <summary>
/// Replaces a file all at once: the new content goes to a temporary file in the same directory, is
/// flushed to the disk (<see cref="FileStream.Flush(bool)"/> with true), and is renamed over the target
/// (<see cref="File.Move(string, string, bool)"/>, an atomic rename on one file system); then, on Linux,
/// the directory is flushed too (<see cref="DirectorySync"/>). A reader sees the old file or the new one,
/// never a mixture, and a failure while writing leaves the old file as it was and removes the temporary.
/// </summary>
internal static class AtomicFile
{
    /// <summary>
    /// Writes <paramref name="path"/> with what <paramref name="writeContent"/> writes to the stream it is
    /// given. Any exception from <paramref name="writeContent"/> or from the file system is returned as an
    /// error naming the path, and the target is left untouched. The directory must exist.
    /// </summary>
    public static Fin<Unit> Write(string path, Action<Stream> writeContent)
    {
        string target, directory;
        try
        {
            target = Path.GetFullPath(path);
            directory = Path.GetDirectoryName(target) ?? throw new IOException("the path has no directory");
        }
        catch (Exception e) when (e is IOException or ArgumentException or NotSupportedException or System.Security.SecurityException)
        {
            return Error.New($"{path}: not a usable file path: {e.Message}");
        }
        if (!Directory.Exists(directory))
            return Error.New($"{path}: cannot write: the directory {directory} does not exist");
        if (Directory.Exists(target))
            return Error.New($"{path}: cannot write: a directory of that name is in the way");

        var temporary = Path.Combine(directory, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                writeContent(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, target, overwrite: true);
        }
        catch (Exception e)
        {
            TryDelete(temporary);
            return Error.New($"{path}: writing failed, the previous file (if any) is unchanged: {FileProblem.Describe(e)}", e);
        }
        DirectorySync.TryFlush(directory);
        return Prelude.unit;
    }

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/> as <see cref="Write"/> does.</summary>
    public static Fin<Unit> WriteAllBytes(string path, byte[] bytes) => Write(path, stream => stream.Write(bytes));

    private static void TryDelete(string temporary)
    {
        try
        {
            File.Delete(temporary);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The temporary's name starts with a dot and ends in .tmp; the target is unaffected.
        }
    }
}
