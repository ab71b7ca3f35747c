using System.Text.RegularExpressions;
using FsCheck;
using Functional.NN.Activations;
using Functional.NN.Losses;
using Functional.NN.Model;

namespace Functional.NN.Testing;

/// <summary>
/// One-line assertions for a user's own test project (xunit, NUnit, MSTest: any framework that fails a
/// test on an exception): each runs a <see cref="GradientProperties"/> property with FsCheck and throws a
/// <see cref="GradientAssertionException"/> naming the shrunk counterexample, the worst element, and the
/// seed that replays the run.
/// <code>
/// [Fact] public void Swish_derivative_is_right() => GradientAssert.ActivationDerivativeIsCorrect(swish);
/// </code>
/// </summary>
public static class GradientAssert
{
    /// <summary>Asserts <see cref="GradientProperties.ForActivation"/>: f'(z) agrees with central differences.</summary>
    public static void ActivationDerivativeIsCorrect(Activation activation, GradientKitOptions? options = null) =>
        Run($"activation '{activation.Name}'", GradientProperties.ForActivation(activation, options), options);

    /// <summary>Asserts <see cref="GradientProperties.ForLoss(Loss, Activation, GradientKitOptions?)"/>: dL/dz at the output agrees with central differences.</summary>
    public static void LossGradientIsCorrect(Loss loss, Activation outputActivation, GradientKitOptions? options = null) =>
        Run($"loss '{loss.Name}' after '{outputActivation.Name}'", GradientProperties.ForLoss(loss, outputActivation, options), options);

    /// <summary>Asserts <see cref="GradientProperties.ForNetwork"/>: backpropagation through the network agrees with central differences.</summary>
    public static void NetworkGradientIsCorrect(Network network, GradientKitOptions? options = null) =>
        Run($"network {network}", GradientProperties.ForNetwork(network, options), options);

    private static void Run(string subject, Property property, GradientKitOptions? options)
    {
        try
        {
            Check.One((options ?? GradientKitOptions.Default).ToConfig(), property);
        }
        catch (Exception e) when (e is not GradientAssertionException && e.Message.Contains("Falsifiable", StringComparison.Ordinal))
        {
            var seed = Regex.Match(e.Message, @"Falsifiable, after .*?\((\d+),\s*(\d+)\)");
            var replay = seed.Success
                ? $"{Environment.NewLine}Replay this run with new GradientKitOptions(Replay: ({seed.Groups[1].Value}, {seed.Groups[2].Value}))."
                : "";
            throw new GradientAssertionException($"{subject}: the derivative disagrees with central finite differences.{Environment.NewLine}{e.Message}{replay}", e);
        }
    }
}

/// <summary>Thrown by <see cref="GradientAssert"/> when a derivative disagrees with central differences.</summary>
public sealed class GradientAssertionException : Exception
{
    /// <summary>A failure with its message and FsCheck's original exception.</summary>
    public GradientAssertionException(string message, Exception inner) : base(message, inner) { }
}
