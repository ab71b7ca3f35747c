using Functional.NN.Experiments.Storage;

namespace Functional.NN.Experiments.ExperimentFiles;

/// <summary>
/// The one way every command says that a name is not one of a known set (commands, options, generators,
/// data settings, activations): the name as given (clipped, <see cref="Echo"/>), the nearest known name
/// when it looks like a typo (<see cref="KeySuggestion"/>), and the known names.
/// </summary>
internal static class Suggestions
{
    /// <summary><c>unknown WHAT 'NAME'; did you mean 'X'? known: A, B, C</c>.</summary>
    /// <param name="what">What the name names (<c>generated data set</c>).</param>
    /// <param name="name">The name as given.</param>
    /// <param name="known">The valid names.</param>
    /// <param name="context">Said after the name (<c> for csv</c>), or empty.</param>
    public static string Unknown(string what, string name, IReadOnlyCollection<string> known, string context = "") =>
        KeySuggestion.Nearest(name, known) is { } nearest
            ? $"unknown {what} '{Echo.Clip(name)}'{context}; did you mean '{nearest}'? known: {string.Join(", ", known)}"
            : $"unknown {what} '{Echo.Clip(name)}'{context}; known: {string.Join(", ", known)}";
}
