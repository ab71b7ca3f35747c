using Functional.NN.Distributed;

namespace Functional.NN.App.Cluster;

/// <summary>
/// The console of a process started by an MPI launcher. Open MPI hands each rank a pseudo-terminal for its output,
/// so .NET takes it for a terminal and writes the keypad sequence <c>ESC[?1h ESC=</c> into it, which the launcher
/// copies into the job's log; a progress line redrawn in place would land there too. Under a launcher the terminal
/// type is set to <c>dumb</c> before the console is first used, and progress is printed one line per epoch.
/// </summary>
internal static class MpiConsole
{
    /// <summary>True when an MPI launcher started this process (read from the environment once).</summary>
    public static bool Launched { get; } = MpiLaunch.Detect(Environment.GetEnvironmentVariable) is not null;

    /// <summary>Call first thing in <c>Main</c>: under a launcher, no terminal control sequences.</summary>
    public static void Prepare()
    {
        if (Launched) Environment.SetEnvironmentVariable("TERM", "dumb");
    }
}
