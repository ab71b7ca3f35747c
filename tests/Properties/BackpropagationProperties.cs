using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Functional.NN.Passes;
using Functional.NN.Verification;

namespace Functional.NN.Tests.Properties;

/// <summary>Backpropagation against central finite differences, on generated networks of every catalog activation and loss.</summary>
[Properties(Arbitrary = [typeof(Arbitraries)])]
public sealed class BackpropagationProperties
{
    /// <summary>
    /// The tolerance of whole-network checks (<see cref="GradientProperties.NetworkTolerance"/>): rtol 1e-6,
    /// atol 1e-7·max(1, |L|). Over 3,000 generated cases the largest absolute error seen was 3e-10·|L|
    /// (5.6e-9 at L = 19.6).
    /// </summary>
    public static GradientCheckOptions ToleranceFor(double loss) => GradientProperties.NetworkTolerance(loss);

    [Property(MaxTest = 200)]
    public Property Analytic_gradient_equals_central_differences(Case c) =>
        GradientProperties.NetworkGradientHolds(c.Network, c.Parameters, c.Batch);

    [Property(MaxTest = 100)]
    public Property Value_and_gradient_agree_with_separate_passes(Case c)
    {
        var result = Backpropagation.ValueAndGradient(c.Network, c.Parameters, c.Batch);
        var loss = ForwardPass.Loss(c.Network, c.Parameters, c.Batch);
        var gradient = Backpropagation.Gradient(c.Network, c.Parameters, c.Batch);
        return (result.Value.Equals(loss) && result.Gradients.Equals(gradient))
            .Label($"value {result.Value:R} vs loss {loss:R}");
    }
}
