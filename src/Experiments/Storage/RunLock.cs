using System.Diagnostics;
using System.Globalization;
using System.Text;
using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Experiments.Storage;

/// <summary>
/// The exclusive lock of a run directory, held by <c>train</c>, <c>resume</c> and <c>train --force</c> for as
/// long as they use the directory. It is an operating-system lock: <c>DIR/.lock</c> opened with
/// <see cref="FileShare.None"/>, which .NET takes as <c>flock(LOCK_EX | LOCK_NB)</c> on Linux and as a
/// share-mode lock on Windows, so the kernel releases it when the process ends in any way (exit, crash,
/// <c>kill -9</c>) and a stale lock file never blocks anyone. A second process refuses at once and names the
/// holder from <c>DIR/.lock.holder</c> (pid, host, command, start time), which the holder writes right after
/// taking the lock. The lock is advisory: it only keeps out other <c>fnn</c> processes (and nothing works if
/// <c>DOTNET_SYSTEM_IO_DISABLEFILELOCKING</c> is set).
/// </summary>
internal sealed class RunLock : IDisposable
{
    /// <summary>The name of the lock file inside a run directory.</summary>
    public const string LockName = ".lock";

    /// <summary>The name of the file describing the holder.</summary>
    public const string HolderName = ".lock.holder";

    private readonly FileStream _stream;

    private RunLock(FileStream stream) => _stream = stream;

    /// <summary>
    /// Takes the lock of <paramref name="directory"/> (created if missing) for <paramref name="command"/>, or
    /// an error naming the process that holds it.
    /// </summary>
    public static Fin<RunLock> Acquire(string directory, string command)
    {
        var path = Path.Combine(directory, LockName);
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return Error.New($"{directory}: cannot create the run directory: {FileProblem.Describe(e)}");
        }
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (UnauthorizedAccessException e)
        {
            return Error.New($"{directory}: cannot lock the run directory ({path}): {FileProblem.Describe(e)}");
        }
        catch (IOException)
        {
            return Error.New($"{directory} is in use by another fnn process ({Holder(directory)}); " +
                             "wait for it to finish or stop it first");
        }
        var holder = Describe(command);
        try
        {
            stream.SetLength(0);
            stream.Write(Encoding.UTF8.GetBytes(holder + "\n"));
            stream.Flush();
        }
        catch (IOException)
        {
            // The lock is what matters; the description inside the lock file is only for people.
        }
        AtomicFile.WriteAllBytes(Path.Combine(directory, HolderName), Encoding.UTF8.GetBytes(holder + "\n"));
        return new RunLock(stream);
    }

    /// <summary>What the holder wrote about itself, or a plain statement that it is unknown.</summary>
    private static string Holder(string directory)
    {
        var text = "";
        for (var attempt = 0; attempt < 10 && text.Length == 0; attempt++)
        {
            if (attempt > 0) Thread.Sleep(50); // the holder writes the file right after taking the lock
            text = BoundedFile.ReadAll(Path.Combine(directory, HolderName), 4096, "lock holder")
                .Map(bytes => Encoding.UTF8.GetString(bytes).Trim())
                .IfFail("");
        }
        return text.Length == 0 ? "holder unknown" : Echo.Clip(text, 300);
    }

    /// <summary>The holder line: <c>pid 1234 on host h, 'fnn train e.json', since 2026-01-01T10:00:00Z</c>.</summary>
    private static string Describe(string command)
    {
        var arguments = string.Join(' ', Environment.GetCommandLineArgs().Skip(1));
        var started = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        return $"pid {Environment.ProcessId} on host {Environment.MachineName}, '{command}' ({Echo.Clip(arguments, 120)}), since {started}";
    }

    /// <summary>Releases the lock (the kernel also releases it when the process ends).</summary>
    public void Dispose()
    {
        try
        {
            File.Delete(Path.Combine(Path.GetDirectoryName(_stream.Name)!, HolderName));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Debug.WriteLine($"the lock holder file stays: {e.Message}");
        }
        _stream.Dispose();
    }
}
