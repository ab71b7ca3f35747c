using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using Functional.NN.Model;

namespace Functional.NN.App.Runs;

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
    /// The compute backend's name and description when the core library has one
    /// (<c>Functional.NN.Compute.ComputeBackend.Current</c>, looked up by name so that this code does not
    /// depend on it); null otherwise or when the backend cannot be configured.
    /// </summary>
    public static string? Backend()
    {
        try
        {
            var type = typeof(Network).Assembly.GetType("Functional.NN.Compute.ComputeBackend");
            var current = type?.GetProperty("Current", BindingFlags.Public | BindingFlags.Static)?.GetValue(null);
            if (current is null) return null;
            var name = current.GetType().GetProperty("Name")?.GetValue(current) as string;
            var description = current.GetType().GetProperty("Description")?.GetValue(current) as string;
            return description is null ? name : $"{name}: {description}";
        }
        catch (TargetInvocationException)
        {
            return null;
        }
    }
}
