namespace Functional.NN.Experiments.ExperimentFiles;

/// <summary>
/// The nearest valid key for a misspelt one, by Levenshtein distance (insertions, deletions and
/// substitutions each cost 1): <c>optimiser</c> → <c>optimizer</c>.
/// </summary>
internal static class KeySuggestion
{
    /// <summary>
    /// The candidate closest to <paramref name="key"/> when it is close enough to be a typo (at most 2 edits,
    /// or a third of the candidate's length for long keys); otherwise null. Ties go to the first candidate.
    /// </summary>
    public static string? Nearest(string key, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            if (Math.Abs(key.Length - candidate.Length) > Math.Max(2, candidate.Length / 3)) continue; // at least that many edits
            var distance = Distance(key.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance && distance <= Math.Max(2, candidate.Length / 3))
                (best, bestDistance) = (candidate, distance);
        }
        return best;
    }

    /// <summary>The Levenshtein distance between <paramref name="a"/> and <paramref name="b"/> (two-row dynamic programme).</summary>
    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    /// <summary>The message for an unknown key: with a suggestion when one is close, otherwise with the valid keys.</summary>
    public static string UnknownKeyMessage(string key, IReadOnlyCollection<string> known) =>
        Nearest(key, known) is { } suggestion
            ? $"unknown key '{Storage.Echo.Clip(key)}'; did you mean '{suggestion}'?"
            : known.Count == 0
                ? $"unknown key '{Storage.Echo.Clip(key)}'; this object takes no keys"
                : $"unknown key '{Storage.Echo.Clip(key)}'; valid keys: {string.Join(", ", known)}";
}
