using LanguageExt;
using Xunit;

namespace Functional.NN.Tests.Model;

/// <summary>Reads the error of a failed construction, for tests of validation messages.</summary>
public static class ValidationMessage
{
    /// <summary>The error message; fails the test when the value was built.</summary>
    public static string Of<T>(Fin<T> result) =>
        result.Match(value => throw new Xunit.Sdk.XunitException($"expected a validation error, got {value}"), e => e.Message);

    /// <summary>Asserts that the error message contains every fragment.</summary>
    public static void AssertNames<T>(Fin<T> result, params string[] fragments)
    {
        var message = Of(result);
        foreach (var fragment in fragments) Assert.Contains(fragment, message);
    }
}
