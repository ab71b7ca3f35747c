using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Experiments.Storage;

/// <summary>
/// Every read of a file the shell is given goes through here: the path must name a regular file (a
/// directory, device, pipe or socket is refused before it is opened, so <c>/dev/zero</c> is not read forever
/// and a named pipe does not hang), and no more than a stated number of bytes is ever read or allocated.
/// Errors start with the path and say what was expected.
/// </summary>
internal static class BoundedFile
{
    /// <summary>A megabyte, for the limits.</summary>
    public const long MiB = 1024 * 1024;

    /// <summary>
    /// Opens <paramref name="path"/> for reading after checking that it is a regular file; <paramref name="what"/>
    /// names the file's role in messages (<c>model</c>, <c>experiment file</c>).
    /// </summary>
    public static Fin<FileStream> Open(string path, string what)
    {
        var kind = FileKinds.Of(path);
        if (kind != FileKind.Regular)
            return Error.New($"{path}: cannot read the {what}: {FileKinds.Describe(kind)}");
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 64 * 1024);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return Error.New($"{path}: cannot read the {what}: {FileProblem.Describe(e)}");
        }
    }

    /// <summary>
    /// The whole of <paramref name="path"/>, a regular file of at most <paramref name="limit"/> bytes that must
    /// also fit the memory available (<see cref="MemoryBudget"/>); a larger file is refused before any byte of
    /// it is read.
    /// </summary>
    public static Fin<byte[]> ReadAll(string path, long limit, string what) =>
        from stream in Open(path, what)
        from bytes in Use(stream, s => ReadAll(s, path, limit, what))
        select bytes;

    /// <summary>The rest of <paramref name="stream"/> (a file named <paramref name="path"/>), refused when it holds more than <paramref name="limit"/> bytes.</summary>
    public static Fin<byte[]> ReadAll(FileStream stream, string path, long limit, string what)
    {
        try
        {
            var length = stream.Length - stream.Position;
            if (length > limit)
                return Error.New($"{path}: the {what} is {length} bytes; the largest this build reads is {Size(limit)}");
            var fits = MemoryBudget.Check(length, $"reading the {what} {path}");
            if (fits.IsFail) return fits.Map(_ => Array.Empty<byte>());
            var bytes = new byte[length];
            var read = stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
            if (read < bytes.Length)
                return Error.New($"{path}: the {what} shrank while it was read ({read} of {length} bytes)");
            if (stream.ReadByte() >= 0)
                return Error.New($"{path}: the {what} grew while it was read (more than {length} bytes)");
            return bytes;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return Error.New($"{path}: cannot read the {what}: {FileProblem.Describe(e)}");
        }
    }

    /// <summary>Runs <paramref name="read"/> on <paramref name="stream"/> and closes it.</summary>
    public static Fin<T> Use<T>(FileStream stream, Func<FileStream, Fin<T>> read)
    {
        using (stream) return read(stream);
    }

    /// <summary>A byte count in words: <c>16 MiB</c>, <c>512 bytes</c>.</summary>
    public static string Size(long bytes) =>
        bytes >= MiB && bytes % MiB == 0 ? $"{bytes / MiB} MiB"
        : bytes >= 10 * MiB ? $"{bytes / MiB} MiB"
        : $"{bytes} bytes";
}
