using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Functional.NN;

/// <summary>
/// Validation at the boundary that reports every problem, not only the first: each check is a LanguageExt
/// <see cref="Validation{FAIL, SUCCESS}"/>, checks combine applicatively (all failures kept, in order), and the
/// result becomes one <see cref="Fin{A}"/> whose message lists the problems separated by <c>"; "</c>.
/// </summary>
internal static class Checks
{
    /// <summary>Success when <paramref name="holds"/>; otherwise the failure <paramref name="problem"/>.</summary>
    public static Validation<Error, Unit> That(bool holds, string problem) =>
        holds ? Success<Error, Unit>(unit) : Fail<Error, Unit>(Error.New(problem));

    /// <summary>Success when <paramref name="holds"/>; otherwise the failure <paramref name="problem"/>, worded only then (hot paths).</summary>
    public static Validation<Error, Unit> That(bool holds, Func<string> problem) =>
        holds ? Success<Error, Unit>(unit) : Fail<Error, Unit>(Error.New(problem()));

    /// <summary>Success when every check succeeds; otherwise every failure, in order.</summary>
    public static Validation<Error, Unit> All(IEnumerable<Validation<Error, Unit>> checks) =>
        checks.Aggregate(Success<Error, Unit>(unit), (all, next) => (all, next).Apply((_, _) => unit));

    /// <summary>Every item's value, in order, or the failures of all the items that failed.</summary>
    public static Validation<Error, System.Collections.Immutable.ImmutableArray<T>> Each<T>(IEnumerable<Validation<Error, T>> items) =>
        items.Aggregate(Success<Error, System.Collections.Immutable.ImmutableArray<T>>([]), (all, next) => (all, next).Apply((values, value) => values.Add(value)));

    /// <summary>The result of a <see cref="Fin{A}"/> as a validation, its error kept as it is.</summary>
    public static Validation<Error, T> Of<T>(Fin<T> result) => result.Match(Succ: Success<Error, T>, Fail: Fail<Error, T>);

    /// <summary>The value, or one error: every problem's message, separated by <c>"; "</c>, after <paramref name="prefix"/> (where they are).</summary>
    public static Fin<T> ToFin<T>(this Validation<Error, T> validation, string prefix) =>
        validation.Match(
            Succ: Fin<T>.Succ,
            Fail: errors => Fin<T>.Fail(Error.New(prefix + string.Join("; ", errors.Select(e => e.Message)))));

    /// <summary>The value, or one error whose message is every problem's, separated by <c>"; "</c>.</summary>
    public static Fin<T> ToFin<T>(this Validation<Error, T> validation) =>
        validation.Match(
            Succ: Fin<T>.Succ,
            Fail: errors => Fin<T>.Fail(Error.New(string.Join("; ", errors.Select(e => e.Message)))));
}
