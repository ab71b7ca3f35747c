using System.Collections.Immutable;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Functional.NN.Experiments;

/// <summary>
/// The few combinators over LanguageExt's <see cref="Validation{FAIL, SUCCESS}"/> that the experiment-file readers and
/// the package's other checks (safetensors layout and metadata, CSV header, generator settings) need: every check or
/// reading of a key is a validation whose failure says where the problem is (key path, tensor, column) and what was
/// found there, and validations are combined applicatively, so all problems are kept, in the order they were found.
/// </summary>
internal static class Validated
{
    /// <summary>A value read without a problem.</summary>
    public static Validation<Error, T> Ok<T>(T value) => Success<Error, T>(value);

    /// <summary>A problem: <paramref name="message"/> names where it is (key path) and what was found there.</summary>
    public static Validation<Error, T> Problem<T>(string message) => Fail<Error, T>(Error.New(message));

    /// <summary>Success when <paramref name="holds"/>; otherwise the problem <paramref name="problem"/> words.</summary>
    public static Validation<Error, Unit> Check(bool holds, Func<string> problem) => holds ? Ok(unit) : Problem<Unit>(problem());

    /// <summary>
    /// The value, or one error: the messages of every problem, in order, joined by <c>"; "</c> and passed through
    /// <paramref name="wrap"/> (which adds where the problems are, such as the file).
    /// </summary>
    public static Fin<T> ToFin<T>(this Validation<Error, T> validation, Func<string, string> wrap) =>
        validation.Match(
            Succ: Fin<T>.Succ,
            Fail: errors => Fin<T>.Fail(Error.New(wrap(string.Join("; ", errors.Select(e => e.Message))))));

    /// <summary>The same validation with its value dropped, to be combined with <see cref="All"/>.</summary>
    public static Validation<Error, Unit> Ignore<T>(this Validation<Error, T> validation) => validation.Map(_ => unit);

    /// <summary>Success when every one of <paramref name="checks"/> succeeds; otherwise every failure of all of them, in order.</summary>
    public static Validation<Error, Unit> All(params Validation<Error, Unit>[] checks) =>
        checks.Aggregate(Ok(unit), (all, next) => (all, next).Apply((_, _) => unit));

    /// <summary>Every item's value, in order, or the failures of all the items that failed.</summary>
    public static Validation<Error, ImmutableArray<T>> Each<T>(IEnumerable<Validation<Error, T>> items) =>
        items.Aggregate(Ok(ImmutableArray<T>.Empty), (all, next) => (all, next).Apply((values, value) => values.Add(value)));

    /// <summary>The result of a <see cref="Fin{A}"/> as a validation (its error kept as it is).</summary>
    public static Validation<Error, T> Of<T>(Fin<T> result) => result.Match(Succ: Ok, Fail: e => Fail<Error, T>(e));

    /// <summary>
    /// <paramref name="check"/> of both values when both were read; success otherwise (their own failures are
    /// reported where they were read, not twice).
    /// </summary>
    public static Validation<Error, Unit> WhenBoth<A, B>(Validation<Error, A> a, Validation<Error, B> b, Func<A, B, Validation<Error, Unit>> check) =>
        a.Match(Succ: x => b.Match(Succ: y => check(x, y), Fail: _ => Ok(unit)), Fail: _ => Ok(unit));

    /// <summary>
    /// The value <paramref name="read"/> builds from an object's keys once <paramref name="problems"/> (the readings of those
    /// keys and the object's unknown keys) all succeeded; otherwise every problem.
    /// </summary>
    public static Validation<Error, T> Then<T>(this Validation<Error, Unit> problems, Func<Validation<Error, T>> read) =>
        problems.Bind(_ => read());
}
