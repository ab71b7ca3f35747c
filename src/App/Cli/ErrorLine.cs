namespace Functional.NN.App.Cli;

/// <summary>
/// The one style of every error the <c>fnn</c> tool prints: <c>fnn: error: MESSAGE</c>, on one line (line
/// breaks folded into spaces), at most <see cref="MaxLength"/> characters, so that an echoed input can
/// never flood the terminal.
/// </summary>
internal static class ErrorLine
{
    /// <summary>The longest error line printed, in characters.</summary>
    public const int MaxLength = 2000;

    /// <summary>The error line for <paramref name="message"/>.</summary>
    public static string Of(string message)
    {
        var line = "fnn: error: " + string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return line.Length <= MaxLength ? line : line[..(MaxLength - 30)] + $"… ({line.Length} characters)";
    }
}
