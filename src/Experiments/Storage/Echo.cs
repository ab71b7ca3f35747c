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

    /// <summary>The longest error message a loader returns (<see cref="Bounded{T}"/>).</summary>
    public const int MessageLimit = 1000;

    /// <summary>
    /// <paramref name="value"/>, its error message cut to <see cref="MessageLimit"/> characters: the last bound on
    /// what a loader echoes, whatever inner message quoted a field, a header or a key at length.
    /// </summary>
    public static LanguageExt.Fin<T> Bounded<T>(LanguageExt.Fin<T> value) =>
        value.Match(
            Succ: LanguageExt.Fin<T>.Succ,
            Fail: e => e.Message.Length <= MessageLimit ? LanguageExt.Fin<T>.Fail(e) : LanguageExt.Fin<T>.Fail(LanguageExt.Common.Error.New(Clip(e.Message, MessageLimit))));

    /// <summary><paramref name="text"/> cut to <paramref name="limit"/> characters (then <c>… (N characters)</c>), control characters escaped.</summary>
    public static string Clip(string text, int limit = DefaultLimit)
    {
        var shown = new StringBuilder(Math.Min(text.Length, limit) + 32);
        var used = 0;
        foreach (var c in text)
        {
            if (shown.Length >= limit) break;
            if (char.IsControl(c)) shown.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            else shown.Append(c);
            used++;
        }
        if (used < text.Length) shown.Append(System.Globalization.CultureInfo.InvariantCulture, $"… ({text.Length} characters)");
        return shown.ToString();
    }
}
