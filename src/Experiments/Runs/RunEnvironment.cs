using System.Diagnostics;
using System.Runtime.InteropServices;
using Functional.NN.Compute;
using Functional.NN.Model;

namespace Functional.NN.Experiments.Runs;

/// <summary>Facts about the machine and checkout a run records in its manifest.</summary>
internal static class RunEnvironment
{
    /// <summary>The .NET runtime, e.g. <c>.NET 10.0.0</c>.</summary>
    public static string DotnetVersion => RuntimeInformation.FrameworkDescription;

    /// <summary>The operating system and architecture.</summary>
    public static string Os => $"{RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture})";

    /// <summary>
    /// The output of <c>git rev-parse HEAD</c> in the current directory, or null when git is missing, the
    /// directory is not a checkout, or git does not answer within five seconds.
    /// </summary>
    public static string? GitCommit()
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", "rev-parse HEAD")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (git is null) return null;
            var output = git.StandardOutput.ReadToEndAsync();
            if (!git.WaitForExit(5000))
            {
                git.Kill();
                return null;
            }
            var commit = output.Result.Trim();
            return git.ExitCode == 0 && commit.Length >= 40 ? commit : null;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return null;
        }
    }

    /// <summary>
    /// The compute backend, its thread count and its description (<see cref="ComputeBackend.Current"/>).
    /// On the managed backend (the default) results do not depend on the thread count or the vector width; on
    /// OpenBLAS (opt-in) they are bit-identical only for the same thread count, so the manifest records both.
    /// </summary>
    public static string Backend()
    {
        var backend = ComputeBackend.Current;
        return $"{backend.Name}, {backend.Threads} thread{(backend.Threads == 1 ? "" : "s")}: {backend.Description}";
    }
}
