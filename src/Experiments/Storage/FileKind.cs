using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Functional.NN.Experiments.Storage;

/// <summary>What a path names, by the file-type bits of its status (symbolic links followed).</summary>
internal enum FileKind
{
    /// <summary>Nothing: no such file.</summary>
    Missing,

    /// <summary>A regular file: the only kind the shell reads.</summary>
    Regular,

    /// <summary>A directory.</summary>
    Directory,

    /// <summary>A character device (<c>/dev/zero</c>, a terminal).</summary>
    CharacterDevice,

    /// <summary>A block device.</summary>
    BlockDevice,

    /// <summary>A named pipe (FIFO): opening it for reading waits for a writer.</summary>
    Pipe,

    /// <summary>A Unix-domain socket.</summary>
    Socket,

    /// <summary>Something whose status cannot be read (permissions, a dangling link).</summary>
    Unknown,
}

/// <summary>
/// Finds the <see cref="FileKind"/> of a path without opening it, so that a pipe (which blocks an open) or a
/// device (which never ends) is refused before any read. On Linux it asks the kernel with <c>statx(2)</c>,
/// whose buffer layout is the same on every architecture; elsewhere it falls back to what .NET tells
/// (directory or file).
/// </summary>
internal static class FileKinds
{
    private const int AtFdCwd = -100;
    private const uint StatxType = 0x0001;
    private const int ModeOffset = 28;

    /// <summary>The kind of <paramref name="path"/>.</summary>
    public static FileKind Of(string path)
    {
        if (OperatingSystem.IsLinux())
        {
            var buffer = new byte[256];
            try
            {
                if (Statx(AtFdCwd, path, 0, StatxType, buffer) == 0)
                    return FromMode(BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(ModeOffset)));
                return Marshal.GetLastPInvokeError() == 2 /* ENOENT */ || Marshal.GetLastPInvokeError() == 20 /* ENOTDIR */
                    ? FileKind.Missing
                    : FileKind.Unknown;
            }
            catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
            {
                // An old C library without statx: fall through to what .NET can tell.
            }
        }
        return Directory.Exists(path) ? FileKind.Directory : File.Exists(path) ? FileKind.Regular : FileKind.Missing;
    }

    /// <summary>How messages say what a non-regular path is.</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Missing => "no such file",
        FileKind.Directory => "it is a directory, not a file",
        FileKind.CharacterDevice => "it is a character device, not a regular file",
        FileKind.BlockDevice => "it is a block device, not a regular file",
        FileKind.Pipe => "it is a named pipe, not a regular file",
        FileKind.Socket => "it is a socket, not a regular file",
        FileKind.Unknown => "its status cannot be read (permission denied or a broken link)",
        _ => "a regular file",
    };

    private static FileKind FromMode(ushort mode) => (mode & 0xF000) switch
    {
        0x8000 => FileKind.Regular,
        0x4000 => FileKind.Directory,
        0x2000 => FileKind.CharacterDevice,
        0x6000 => FileKind.BlockDevice,
        0x1000 => FileKind.Pipe,
        0xC000 => FileKind.Socket,
        _ => FileKind.Unknown,
    };

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int directoryFd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);
}
