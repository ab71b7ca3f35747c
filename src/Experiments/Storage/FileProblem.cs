namespace Functional.NN.Experiments.Storage;

/// <summary>
/// Plain words for the exceptions the file system throws, instead of .NET's texts ("Could not find a part of
/// the path '...'", "Access to the path '...' is denied"), which repeat the path and name no cause.
/// </summary>
internal static class FileProblem
{
    /// <summary>What went wrong, without the path (the caller's message starts with it).</summary>
    public static string Describe(Exception e) => e switch
    {
        FileNotFoundException => "no such file",
        DirectoryNotFoundException => "no such directory (a folder on the path is missing)",
        PathTooLongException => "the path is too long",
        UnauthorizedAccessException => "permission denied",
        IOException io when io.HResult == 28 || io.Message.Contains("space", StringComparison.OrdinalIgnoreCase) => "no space left on the device",
        _ => Echo.Clip(e.Message),
    };
}
