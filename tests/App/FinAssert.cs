using LanguageExt;
using Xunit;

namespace Functional.NN.Tests.App;

/// <summary>Assertions on <see cref="Fin{A}"/> results that show the error message when they fail.</summary>
public static class FinAssert
{
    /// <summary>The success value; fails the test with the error message otherwise.</summary>
    public static T Succeeds<T>(Fin<T> result) =>
        result.Match(Succ: value => value, Fail: error => throw new Xunit.Sdk.XunitException($"expected success, got error: {error.Message}"));

    /// <summary>The error message; fails the test when the result is a success.</summary>
    public static string Fails<T>(Fin<T> result) =>
        result.Match(Succ: value => throw new Xunit.Sdk.XunitException($"expected an error, got success: {value}"), Fail: error => error.Message);

    /// <summary>Asserts failure with a message containing every one of <paramref name="fragments"/>.</summary>
    public static string FailsWith<T>(Fin<T> result, params string[] fragments)
    {
        var message = Fails(result);
        foreach (var fragment in fragments)
            Assert.True(message.Contains(fragment, StringComparison.Ordinal), $"error message lacks '{fragment}': {message}");
        return message;
    }
}
