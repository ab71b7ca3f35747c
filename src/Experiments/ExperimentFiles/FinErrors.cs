using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Experiments.ExperimentFiles;

/// <summary>Putting the place in front of an error's message (<c>data: …</c>, <c>training.validation_split: …</c>).</summary>
internal static class FinErrors
{
    /// <summary>The same value, or the error with its message prefixed by <paramref name="where"/> and a colon.</summary>
    public static Fin<T> Prefixed<T>(this Fin<T> value, string where) =>
        value.Match(Succ: v => Fin<T>.Succ(v), Fail: e => Fin<T>.Fail(Error.New($"{where}: {e.Message}")));
}
