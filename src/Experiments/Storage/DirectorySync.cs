using System.Runtime.InteropServices;
using System.Text;

namespace Functional.NN.Experiments.Storage;

/// <summary>
/// Flushes a directory's entries to disk on Linux (<c>open</c> + <c>fsync</c> + <c>close</c> on the
/// directory), so that a rename into it survives a power loss. .NET cannot open a directory as a file,
/// hence the calls into libc. Elsewhere it does nothing.
/// </summary>
internal static class DirectorySync
{
    private const int ReadOnly = 0;

    /// <summary>
    /// Best effort: true when the directory was flushed, false when the platform has no such call or the
    /// directory could not be opened or flushed (the rename itself has already happened by then).
    /// </summary>
    public static bool TryFlush(string directory)
    {
        if (!OperatingSystem.IsLinux()) return false;
        var path = Encoding.UTF8.GetBytes(directory + "\0");
        var descriptor = Open(path, ReadOnly);
        if (descriptor < 0) return false;
        try
        {
            return Fsync(descriptor) == 0;
        }
        finally
        {
            _ = Close(descriptor);
        }
    }

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open(byte[] path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static extern int Fsync(int descriptor);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int Close(int descriptor);
}
