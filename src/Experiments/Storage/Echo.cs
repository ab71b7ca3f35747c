using System.Text;

namespace Functional.NN.Experiments.Storage;

/// <summary>
/// How messages quote what the user gave (a name, a key, a field of a file): at most <see cref="DefaultLimit"/>
/// characters, then an ellipsis and the full length, with control characters shown as <c>\u0000</c>, so that a
/// 50 MB value or a NUL byte never turns into a 50 MB or unreadable error line.
/// </summary>
internal static class Echo
{
    /// <summary>The number of characters quoted by default.</summary>
    public const int DefaultLimit = 200;

    /// <summary><paramref name="text"/> cut to <paramref name="limit"/> characters (then <c>… (N characters)</c>), control characters escaped.</summary>
    public static string Clip(string text, int limit = DefaultLimit)
    {
        var shown = new StringBuilder(Math.Min(text.Length, limit) + 32);
        foreach (var c in text.AsSpan(0, Math.Min(text.Length, limit)))
        {
            if (char.IsControl(c)) shown.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            else shown.Append(c);
        }
        if (text.Length > limit) shown.Append(System.Globalization.CultureInfo.InvariantCulture, $"… ({text.Length} characters)");
        return shown.ToString();
    }
}
