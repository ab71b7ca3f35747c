namespace Functional.NN.App.Runs;

/// <summary>
/// The command that resumes a run, in the invocation style of the running <c>fnn</c>: <c>dotnet run --project
/// src/App -- resume DIR</c> (with <c>-c Release</c> for a Release build) when this <c>fnn</c> was built in a checkout,
/// <c>fnn resume DIR</c> when an <c>fnn</c> is on PATH (an installed tool), otherwise the program's own path.
/// </summary>
internal static class ResumeHint
{
    /// <summary>The resume command for <paramref name="runDirectory"/> as this process was started.</summary>
    public static string For(string runDirectory) =>
        For(runDirectory, AppContext.BaseDirectory, Directory.GetCurrentDirectory(), Environment.GetEnvironmentVariable("PATH"),
            Environment.ProcessPath, typeof(ResumeHint).Assembly.Location);

    /// <summary>The resume command for <paramref name="runDirectory"/>, given where the program runs from.</summary>
    /// <param name="runDirectory">The run directory.</param>
    /// <param name="baseDirectory">The folder of the running program (<c>src/App/bin/Release/net10.0/</c> in a checkout).</param>
    /// <param name="currentDirectory">The working directory, which relative paths in the command start from.</param>
    /// <param name="path">The PATH variable, or null.</param>
    /// <param name="processPath">The executable of the process (the <c>fnn</c> apphost, or <c>dotnet</c>), or null.</param>
    /// <param name="assemblyPath">The path of <c>fnn.dll</c>.</param>
    public static string For(string runDirectory, string baseDirectory, string currentDirectory, string? path, string? processPath, string assemblyPath)
    {
        var directory = Quote(runDirectory);
        if (ProjectOf(baseDirectory) is { } project)
        {
            var release = baseDirectory.Replace('\\', '/').Contains("/bin/Release/", StringComparison.Ordinal) ? "-c Release " : "";
            return $"dotnet run {release}--project {Quote(Path.GetRelativePath(currentDirectory, project))} -- resume {directory}";
        }
        if (OnPath(path)) return $"fnn resume {directory}";
        return processPath is not null && !Path.GetFileNameWithoutExtension(processPath).Equals("dotnet", StringComparison.OrdinalIgnoreCase)
            ? $"{Quote(processPath)} resume {directory}"
            : $"dotnet {Quote(assemblyPath)} resume {directory}";
    }

    /// <summary>The folder of <c>App.csproj</c> above a build output folder (<c>bin/CONFIG/TFM/</c>), or null.</summary>
    private static string? ProjectOf(string baseDirectory)
    {
        var folder = new DirectoryInfo(baseDirectory);
        for (var up = 0; up < 4 && folder is not null; up++, folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "App.csproj"))) return folder.FullName;
        return null;
    }

    private static bool OnPath(string? path) =>
        path is not null && path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, "fnn")) || File.Exists(Path.Combine(folder, "fnn.exe")));

    private static string Quote(string text) => text.Any(c => char.IsWhiteSpace(c) || c is '\'' or '"' or '$') ? $"'{text.Replace("'", "'\\''")}'" : text;
}
